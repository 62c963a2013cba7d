//! History timestamps, human durations and sizes, and the API's paths. Run natively and
//! (with the same assertions) in the browser.

use immail_meet_core::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[test]
fn timestamps_read_the_usual_iso_8601_forms() {
    let ms = |text: &str| Timestamp::parse(text).map(Timestamp::unix_millis);
    for (text, expected) in [
        ("2021-04-29T03:24:34.550Z", 1_619_666_674_550),
        ("2021-04-29T03:24:34.55Z", 1_619_666_674_550),
        ("2021-04-29T03:24:34.550999Z", 1_619_666_674_550),
        ("2021-04-29t03:24:34z", 1_619_666_674_000),
        ("2021-04-29 03:24:34", 1_619_666_674_000),
        ("2021-04-29T03:24", 1_619_666_640_000),
        ("2021-04-29T05:24:34+02:00", 1_619_666_674_000),
        ("2021-04-28T22:24:34-0500", 1_619_666_674_000),
        ("2021-04-29", 1_619_654_400_000),
        (" 2021-04-29T03:24:34Z ", 1_619_666_674_000),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59.999Z", -1),
        ("2000-02-29T12:00:00Z", 951_825_600_000),
        ("2016-12-31T23:59:60Z", 1_483_228_799_999),
    ] {
        assert_eq!(ms(text), Some(expected), "{text}");
    }
    for bad in [
        "",
        "2021",
        "2021-4-29",
        "2021-02-29T00:00:00Z",
        "1900-02-29",
        "2021-13-01",
        "2021-04-31",
        "2021-04-29T24:00:00Z",
        "2021-04-29T03:60:00Z",
        "2021-04-29T03:24:34.Z",
        "2021-04-29T03:24:34+25:00",
        "2021-04-29T03:24:34Zjunk",
        "2021-04-29X03:24:34Z",
        "29/04/2021",
        "２０２１-04-29",
    ] {
        assert_eq!(ms(bad), None, "{bad:?}");
    }
    assert_eq!(
        Timestamp::from_unix_number(1_619_666_674.55).map(Timestamp::unix_millis),
        Some(1_619_666_674_550)
    );
    assert_eq!(
        Timestamp::from_unix_number(1_619_666_674_550.0).map(Timestamp::unix_millis),
        Some(1_619_666_674_550)
    );
    assert_eq!(Timestamp::from_unix_number(f64::NAN), None);
    assert_eq!(Timestamp::from_unix_number(1e300), None);
    assert_eq!(
        Timestamp::from_unix_millis(-1).to_string(),
        "1969-12-31T23:59:59.999Z"
    );
}

#[test]
fn durations_and_sizes_read_like_a_person_would_say_them() {
    for (secs, text) in [
        (0, "0 s"),
        (45, "45 s"),
        (60, "1 min"),
        (63, "1 min 3 s"),
        (3600, "1 h"),
        (3725, "1 h 2 min"),
        (90_000, "25 h"),
    ] {
        assert_eq!(human_duration(secs), text, "{secs}");
    }
    for (bytes, text) in [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1.0 kB"),
        (1049, "1.0 kB"),
        (1050, "1.1 kB"),
        (999_949, "999.9 kB"),
        (999_950, "1.0 MB"),
        (132_602_068, "132.6 MB"),
        (209_715_200, "209.7 MB"),
        (5_000_000_000, "5.0 GB"),
        (u64::MAX, "18446.7 PB"),
    ] {
        assert_eq!(human_size(bytes), text, "{bytes}");
    }
}

#[test]
fn paths_encode_ids_as_one_segment() {
    assert_eq!(
        sessions_path("/api/meet", "abc", Paging::default()),
        "/api/meet/rooms/abc/sessions?page=1&per_page=20"
    );
    assert_eq!(
        messages_path("https://api.example.com/meet/", "a/b?c#d é"),
        "https://api.example.com/meet/sessions/a%2Fb%3Fc%23d%20%C3%A9/messages"
    );
    assert_eq!(
        Paging::new(3, 0),
        Paging {
            page: 3,
            per_page: 1
        }
    );
}
