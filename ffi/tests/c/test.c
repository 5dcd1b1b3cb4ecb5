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
    CHECK(contains(soothe_last_error_json(), "\"kind\":\"unknown_id\""), "typo kind as JSON");
    CHECK(contains(soothe_last_error_json(), "\"field\":\"symptoms[0].location\""), "typo field as JSON");
    CHECK(contains(soothe_last_error_json(), "\"did_you_mean\":\"calf\""), "typo hint as JSON");

    /* Error: a number out of range, named by its field path. */
    plan = soothe_evaluate(engine, "{\"age\": 131}");
    CHECK(plan == NULL, "age 131 fails");
    CHECK(contains(soothe_last_error_json(), "\"kind\":\"out_of_range\""), "range kind as JSON");
    CHECK(contains(soothe_last_error(), "profile: age: age 131 is out of range 0 to 130"), "range message");

    /* Error: malformed JSON. */
    plan = soothe_evaluate(engine, "{\"symptoms\": [");
    CHECK(plan == NULL, "bad JSON fails");
    CHECK(contains(soothe_last_error(), "profile: EOF"), "bad JSON message");
    CHECK(contains(soothe_last_error_json(), "\"kind\":\"syntax\""), "bad JSON kind");
    plan = soothe_evaluate(engine, "{} []");
    CHECK(plan == NULL && contains(soothe_last_error(), "trailing characters"), "trailing JSON fails");

    /* Error: null arguments. */
    CHECK(soothe_evaluate(NULL, "{}") == NULL, "null engine fails");
    CHECK(contains(soothe_last_error(), "engine is null"), "null engine message");
    CHECK(contains(soothe_last_error_json(), "\"kind\":\"invalid_argument\""), "null engine kind");
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
    CHECK(soothe_last_error_json() == NULL, "JSON error cleared");
    soothe_string_free(plan);

    /* The vocabulary, for building forms. */
    char *vocabulary = soothe_vocabulary(engine);
    CHECK(contains(vocabulary, "\"id\":\"calf_swelling\""), "vocabulary has findings");
    CHECK(contains(vocabulary, "\"question\":"), "vocabulary has questions");
    soothe_string_free(vocabulary);
    CHECK(soothe_vocabulary(NULL) == NULL, "vocabulary of null fails");
    soothe_engine_free(engine);

    /* Packs as JSON. */
    engine = soothe_engine_new_json("[{\"name\": \"toe.toml\", \"text\": \"[pack]\\nid = 'toe'\\nversion = '1'\\nformat = 2\\n"
                                    "[[vocabulary.location]]\\nid = 'big_toe'\\nlabel = 'big toe'\\n\"}]");
    CHECK(engine != NULL, "engine from JSON packs");
    plan = soothe_evaluate(engine, "{\"symptoms\":[{\"kind\":\"cramp\",\"location\":\"big_toe\"}]}");
    CHECK(plan != NULL, "the JSON pack's location is known");
    soothe_string_free(plan);
    soothe_engine_free(engine);
    engine = soothe_engine_new_json(NULL);
    CHECK(engine != NULL, "engine from no JSON packs");
    soothe_engine_free(engine);
    CHECK(soothe_engine_new_json("[{\"name\": \"p\", \"text\": \"[pack\"}]") == NULL, "bad JSON pack fails");
    CHECK(contains(soothe_last_error_json(), "\"origin\":\"p\""), "bad JSON pack names its origin");
    CHECK(soothe_engine_new_json("{}") == NULL, "packs not a list fails");

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
