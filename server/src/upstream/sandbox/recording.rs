//! The sandbox's recording files: deterministic bytes made on the fly, so a 200 MB
//! file is streamed (and any range of it served) without ever being held in memory.
//!
//! Byte `p` of a file with seed `s` is byte `p % 4` (little-endian) of
//! `lowbias32(s ^ (p / 4) * 0x9E3779B1 ^ (p / 2^34) * 0x85EBCA77)` (wrapping 32-bit
//! arithmetic), and `s` is the 32-bit FNV-1a hash of the file id: simple enough for a
//! test in another language (the e2e suite) to check every byte of a download.

use axum::body::Bytes;
use futures::stream;

use crate::range::ByteRange;
use crate::upstream::ByteStream;

/// Bytes made and sent per chunk.
pub const CHUNK_BYTES: usize = 64 * 1024;

/// The seed of a file: FNV-1a (32 bits) of its id.
pub fn seed_of(file_id: &str) -> u32 {
    file_id.bytes().fold(0x811c_9dc5_u32, |hash, b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Chris Wellons' `lowbias32` integer hash.
fn lowbias32(mut x: u32) -> u32 {
    x ^= x >> 16;
    x = x.wrapping_mul(0x7feb_352d);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846c_a68b);
    x ^ (x >> 16)
}

fn word(seed: u32, index: u64) -> [u8; 4] {
    let low = (index as u32).wrapping_mul(0x9e37_79b1);
    let high = ((index >> 32) as u32).wrapping_mul(0x85eb_ca77);
    lowbias32(seed ^ low ^ high).to_le_bytes()
}

/// Fills `buf` with the file's bytes from `offset` on.
pub fn fill(seed: u32, offset: u64, buf: &mut [u8]) {
    let mut position = offset;
    let mut filled = 0;
    while filled < buf.len() {
        let bytes = word(seed, position / 4);
        let from = (position % 4) as usize;
        let n = (4 - from).min(buf.len() - filled);
        buf[filled..filled + n].copy_from_slice(&bytes[from..from + n]);
        filled += n;
        position += n as u64;
    }
}

/// The bytes `range` of a file, as a stream of chunks of at most [`CHUNK_BYTES`]: only
/// one chunk exists at a time on this side.
pub fn stream_range(seed: u32, range: ByteRange) -> ByteStream {
    let chunks = stream::unfold(range.start, move |position| async move {
        if position > range.end {
            return None;
        }
        let n = (range.end - position + 1).min(CHUNK_BYTES as u64) as usize;
        let mut chunk = vec![0_u8; n];
        fill(seed, position, &mut chunk);
        Some((Ok(Bytes::from(chunk)), position + n as u64))
    });
    Box::pin(chunks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::StreamExt;

    #[test]
    fn any_offset_gives_the_same_bytes_as_the_whole() {
        let seed = seed_of("6094e661deec78bbbf71716b");
        let mut whole = vec![0_u8; 1000];
        fill(seed, 0, &mut whole);
        for offset in [0, 1, 2, 3, 5, 511, 997] {
            let mut part = vec![0_u8; 1000 - offset];
            fill(seed, offset as u64, &mut part);
            assert_eq!(part, whole[offset..], "offset {offset}");
        }
        let mut other = vec![0_u8; 1000];
        fill(seed_of("another"), 0, &mut other);
        assert_ne!(other, whole, "another file, other bytes");
        // Known values, as the e2e suite computes them in JavaScript.
        assert_eq!(seed_of(""), 0x811c_9dc5);
        assert_eq!(seed_of("a"), 0xe40c_292c);
        assert_eq!(lowbias32(1), 0x6889_90c0, "lowbias32(1)");
    }

    #[tokio::test]
    async fn streams_a_range_in_bounded_chunks() {
        let seed = seed_of("f");
        let range = ByteRange {
            start: 100,
            end: 100 + 3 * CHUNK_BYTES as u64 + 10,
        };
        let chunks: Vec<Bytes> = stream_range(seed, range)
            .map(|c| c.unwrap())
            .collect()
            .await;
        assert_eq!(chunks.len(), 4);
        assert!(chunks.iter().all(|c| c.len() <= CHUNK_BYTES));
        let joined: Vec<u8> = chunks.concat();
        assert_eq!(joined.len() as u64, range.len());
        let mut expected = vec![0_u8; joined.len()];
        fill(seed, 100, &mut expected);
        assert_eq!(joined, expected);
    }
}
