//! The sandbox's meeting history: for each room, sessions made up at creation from a
//! seed (its id), with occupants, chat messages and recording files.
//!
//! Every room gets [`SESSIONS_PER_ROOM`] sessions, newest first: one in progress that
//! has a small recording ([`SMALL_RECORDING_BYTES`]); one from the day before with a
//! 200 MiB recording ([`LARGE_RECORDING_BYTES`]) and a second, odd-sized one; one with
//! neither recordings nor messages; the others with zero to two recordings of varied
//! sizes. File names use the room's topic, as typed by its creator.

use crate::models::{
    Message, Occupant, RecordingFile, Session, SessionStatus, Timestamp, VideoRoom,
};

use crate::upstream::UpstreamRoom;

/// Sessions each sandbox room has.
pub const SESSIONS_PER_ROOM: usize = 12;
/// Size of the newest session's recording.
pub const SMALL_RECORDING_BYTES: u64 = 1_234_567;
/// Size of the large recording of the second-newest session (200 MiB).
pub const LARGE_RECORDING_BYTES: u64 = 200 * 1024 * 1024;

const PEOPLE: [&str; 6] = ["Curtis", "Blanca", "Buford", "Zoë", "Ada", "Grace"];
const LINES: [&str; 8] = [
    "Hello everyone!",
    "Can you all see my screen?",
    "<b>This is not bold</b> & neither is <i>this</i>",
    "Notes: https://example.com/notes?a=1&b=2",
    "Let's start the recording.",
    "Sound is choppy on my side",
    "Agreed ✔",
    "Thanks, see you next week 👋",
];

/// A room's made-up history.
pub struct RoomHistory {
    /// Its sessions, newest first.
    pub sessions: Vec<Session>,
    /// The chat of each session, by session id.
    pub chats: Vec<(String, Vec<Message>)>,
}

/// splitmix64: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `low..high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low)
    }

    /// A 24-hex-digit id, like imMail's.
    fn id(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        format!("{a:016x}{:08x}", b as u32)
    }
}

/// The history of `room`, as if it had been used for weeks up to `now_ms`.
pub fn generate(room: &UpstreamRoom, now_ms: i64) -> RoomHistory {
    let mut rng = Rng(room.id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    }));
    let video_room = VideoRoom {
        id: Some(room.id.clone()),
        name: Some(room.name.clone()),
        topic: Some(room.topic.clone()),
    };
    let mut start = now_ms - 25 * 60_000;
    let mut sessions = Vec::with_capacity(SESSIONS_PER_ROOM);
    let mut chats = Vec::with_capacity(SESSIONS_PER_ROOM);
    for k in 0..SESSIONS_PER_ROOM {
        let number = SESSIONS_PER_ROOM - k;
        let duration = match k {
            0 => 25 * 60,
            1 => 3725,
            _ => rng.between(5 * 60, 95 * 60),
        };
        let occupants: Vec<Occupant> = (0..rng.between(2, 5))
            .map(|i| {
                let who = (k + i as usize * 5) % PEOPLE.len();
                Occupant {
                    profile_id: Some(rng.id()),
                    name: Some(PEOPLE[who].to_owned()),
                }
            })
            .collect();
        let sizes: Vec<u64> = match k {
            0 => vec![SMALL_RECORDING_BYTES],
            1 => vec![LARGE_RECORDING_BYTES, 3_000_001],
            2 => vec![],
            _ => (0..rng.between(0, 3))
                .map(|_| rng.between(500_000, 150_000_000))
                .collect(),
        };
        let recording_files = sizes
            .iter()
            .enumerate()
            .map(|(part, &size)| RecordingFile {
                id: rng.id(),
                name: Some(format!("{} #{number} part {}.msf", room.topic, part + 1)),
                size: Some(size),
                created_at: Some(Timestamp::from_unix_millis(
                    start + (part as i64 + 1) * duration as i64 * 1000 / (sizes.len() as i64 + 1),
                )),
            })
            .collect();
        let id = rng.id();
        let lines = if k == 2 { 0 } else { rng.between(3, 9) };
        let messages = (0..lines)
            .map(|i| Message {
                id: Some(rng.id()),
                sender: occupants[i as usize % occupants.len()].name.clone(),
                text: LINES[(k + i as usize) % LINES.len()].to_owned(),
                created_at: Some(Timestamp::from_unix_millis(start + (i as i64 + 1) * 47_000)),
            })
            .collect();
        chats.push((id.clone(), messages));
        sessions.push(Session {
            id,
            date: Some(Timestamp::from_unix_millis(start)),
            status: if k == 0 {
                SessionStatus::InProgress
            } else {
                SessionStatus::Completed
            },
            duration: Some(duration),
            occupants,
            video_room: Some(video_room.clone()),
            recording_files,
        });
        // The one before started a day or a few earlier, at another hour.
        start -= (rng.between(20, 80) as i64) * 3_600_000;
    }
    RoomHistory { sessions, chats }
}
