//! Public types can be shared across threads.

#![cfg(test)]

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    assert_send_sync::<soothe::Engine>();
    assert_send_sync::<soothe::EngineBuilder>();
    assert_send_sync::<soothe::Error>();
    assert_send_sync::<soothe::ErrorKind>();
    assert_send_sync::<soothe::Location>();
    assert_send_sync::<soothe::Profile>();
    assert_send_sync::<soothe::Symptom>();
    assert_send_sync::<soothe::Plan>();
    assert_send_sync::<soothe::Reason>();
    assert_send_sync::<soothe::Suggested>();
    assert_send_sync::<soothe::Withheld>();
    assert_send_sync::<soothe::Suggestion>();
    assert_send_sync::<soothe::Source>();
    assert_send_sync::<soothe::Vocabulary>();
    assert_send_sync::<soothe::Urgency>();
}

#[test]
fn one_engine_serves_many_threads() {
    let engine = soothe::Engine::builtin().unwrap();
    let profile = soothe::Profile::new().with_symptom(soothe::Symptom::new("cramp", "calf"));
    let expected = engine.evaluate(&profile).unwrap();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| assert_eq!(engine.evaluate(&profile).unwrap(), expected));
        }
    });
}
