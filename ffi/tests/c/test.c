/* Exercises the C ABI: success, every error path, and freeing everything.
   Built and run by ffi/tests/c_abi.rs; also runs under valgrind (see the README). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "soothe.h"

static int failures = 0;

#define CHECK(cond, what)                                                   \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, what);  \
            failures++;                                                     \
        }                                                                   \
    } while (0)

static int contains(const char *haystack, const char *needle) {
    return haystack != NULL && strstr(haystack, needle) != NULL;
}

int main(void) {
    /* Success: built-in packs, a headline profile. */
    SootheEngine *engine = soothe_engine_new(NULL, NULL, 0);
    CHECK(engine != NULL, "builtin engine");
    CHECK(soothe_last_error() == NULL, "no error after success");
    char *plan = soothe_evaluate(engine,
        "{\"symptoms\":[{\"kind\":\"cramp\",\"location\":\"calf\",\"timing\":\"nocturnal\",\"severity\":6}]}");
    CHECK(contains(plan, "\"urgency\":\"none\""), "calf cramp urgency");
    CHECK(contains(plan, "\"id\":\"calf-stretch-before-bed\""), "calf cramp suggestion");
    soothe_string_free(plan);

    /* A red flag. */
    plan = soothe_evaluate(engine, "{\"findings\":[\"calf_swelling\",\"chest_pain\"]}");
    CHECK(contains(plan, "\"urgency\":\"emergency\""), "emergency");
    CHECK(contains(plan, "\"suggestions\":[]"), "no self-care at emergency");
    soothe_string_free(plan);

    /* Error: unknown id, with did-you-mean. */
    plan = soothe_evaluate(engine, "{\"symptoms\":[{\"kind\":\"cramp\",\"location\":\"calff\"}]}");
    CHECK(plan == NULL, "typo fails");
    CHECK(contains(soothe_last_error(), "did you mean `calf`"), "typo message");

    /* Error: malformed JSON. */
    plan = soothe_evaluate(engine, "{\"symptoms\": [");
    CHECK(plan == NULL, "bad JSON fails");
    CHECK(contains(soothe_last_error(), "profile: EOF"), "bad JSON message");

    /* Error: null arguments. */
    CHECK(soothe_evaluate(NULL, "{}") == NULL, "null engine fails");
    CHECK(contains(soothe_last_error(), "engine is null"), "null engine message");
    CHECK(soothe_evaluate(engine, NULL) == NULL, "null profile fails");
    CHECK(contains(soothe_last_error(), "profile is null"), "null profile message");

    /* Error: invalid UTF-8. */
    CHECK(soothe_evaluate(engine, "{\"triggers\":[\"\xff\"]}") == NULL, "invalid UTF-8 fails");
    CHECK(contains(soothe_last_error(), "not UTF-8"), "invalid UTF-8 message");

    /* Issue 13: only an object is a profile. */
    CHECK(soothe_evaluate(engine, "[{\"kind\":\"cramp\",\"location\":\"calf\"}]") == NULL,
          "an array is not a profile");
    CHECK(contains(soothe_last_error(), "found a list"), "array message");
    CHECK(soothe_evaluate(engine, "{} {}") == NULL, "trailing text fails");

    /* Issue 13: a profile over the size limit fails fast, whatever follows. */
    size_t max = soothe_max_profile_bytes(engine);
    CHECK(max == 1024 * 1024, "profile size limit");
    CHECK(soothe_max_profile_bytes(NULL) == 0, "no engine, no limit");
    char *big = malloc(4 * max + 1);
    CHECK(big != NULL, "malloc");
    if (big != NULL) {
        memset(big, ' ', 4 * max);
        big[0] = '{';
        big[4 * max - 1] = '}';
        big[4 * max] = '\0';
        CHECK(soothe_evaluate(engine, big) == NULL, "a 4 MiB profile fails");
        CHECK(contains(soothe_last_error(), "over the limit of 1048576"), "size message");
        free(big);
    }

    /* Success clears the error. */
    plan = soothe_evaluate(engine, "{}");
    CHECK(plan != NULL && soothe_last_error() == NULL, "error cleared");
    soothe_string_free(plan);
    soothe_engine_free(engine);

    /* A pack on top of the built-in ones. */
    const char *names[] = {"toe.toml"};
    const char *texts[] = {
        "[pack]\nid = 'toe'\nversion = '1'\nformat = 2\n[[vocabulary.location]]\nid = 'big_toe'\nlabel = 'big toe'\n"
        "[[rule]]\nid = 'toe'\nwhen = { location = ['big_toe'] }\nsuggest = [{ id = 'gentle-heat', weight = 5 }]\n"};
    engine = soothe_engine_new(names, texts, 1);
    CHECK(engine != NULL, "engine with a pack");
    plan = soothe_evaluate(engine, "{\"symptoms\":[{\"kind\":\"cramp\",\"location\":\"big_toe\"}]}");
    CHECK(contains(plan, "\"rules\":[\"toe\"]"), "pack rule fires");
    soothe_string_free(plan);
    soothe_engine_free(engine);

    /* Error: a pack that lowers a red flag; a pack with a syntax error; null arrays. */
    texts[0] = "[pack]\nid = 'low'\nversion = '1'\nformat = 2\n[[red_flag]]\nid = 'possible-deep-vein-thrombosis'\n"
               "replaces = true\nurgency = 'routine'\nwhen = { finding = ['calf_swelling'] }\ntext = 't'\nsafety_net = 's'\nsources = ['seeds']\n";
    CHECK(soothe_engine_new(names, texts, 1) == NULL, "lowering pack fails");
    CHECK(contains(soothe_last_error(), "would lower urgency"), "lowering message");
    texts[0] = "[pack";
    CHECK(soothe_engine_new(names, texts, 1) == NULL, "syntax error fails");
    CHECK(contains(soothe_last_error(), "toe.toml:1:"), "syntax error location");
    CHECK(soothe_engine_new(NULL, NULL, 1) == NULL, "null arrays fail");
    CHECK(contains(soothe_last_error(), "null"), "null arrays message");

    /* Null is ignored by the free functions. */
    soothe_string_free(NULL);
    soothe_engine_free(NULL);

    /* The WebAssembly helpers work from C too. */
    uint8_t *buffer = soothe_alloc(16);
    CHECK(buffer != NULL, "alloc");
    soothe_dealloc(buffer, 16);
    CHECK(soothe_alloc(0) == NULL, "alloc of 0");

    if (failures == 0) {
        printf("c_abi: all checks passed\n");
    }
    return failures == 0 ? 0 : 1;
}
