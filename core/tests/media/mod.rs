//! Image import on real files: orientation, resizing, format choice, metadata removal,
//! and refusals (corrupt, fake, decompression bomb) that never crash or hang.

use std::path::Path;

use tandem_core::media::{process, MediaError, MAX_WIDTH};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/images")
            .join(name),
    )
    .unwrap()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_rotated_camera_photo_is_turned_upright_and_loses_its_gps_position() {
    let source = fixture("photo-landscape.jpg");
    assert!(contains(&source, b"Exif") && contains(&source, b"Someone"));
    let out = process(&source).unwrap();
    // Stored 1600×1200 with "rotate 90° clockwise": upright it is 1200×1600.
    assert_eq!((out.width, out.height), (1200, 1600));
    assert_eq!(out.mime, "image/jpeg");
    assert!(
        !contains(&out.bytes, b"Exif"),
        "EXIF (with GPS) must be gone"
    );
    assert!(!contains(&out.bytes, b"Someone"));
    let decoded = image::load_from_memory(&out.bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (1200, 1600));
}

#[test]
fn a_wide_photo_is_resized_to_1200_pixels_keeping_its_proportions() {
    let img = image::RgbImage::from_fn(3000, 2000, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x * y) % 239) as u8])
    });
    let mut jpeg = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut jpeg),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    let out = process(&jpeg).unwrap();
    assert_eq!((out.width, out.height), (MAX_WIDTH, 800));
    assert!(out.bytes.len() < 400 * 1024, "{} bytes", out.bytes.len());
}

#[test]
fn flat_art_with_transparency_stays_png() {
    let out = process(&fixture("logo.png")).unwrap();
    assert_eq!(out.mime, "image/png");
    assert_eq!((out.width, out.height), (400, 200));
    let decoded = image::load_from_memory(&out.bytes).unwrap().to_rgba8();
    assert_eq!(decoded.get_pixel(0, 0).0[3], 0, "transparent corner kept");
}

#[test]
fn an_animated_gif_keeps_its_first_frame_and_webp_is_read() {
    let out = process(&fixture("anim.gif")).unwrap();
    let first = image::load_from_memory(&out.bytes).unwrap().to_rgb8();
    let p = first.get_pixel(10, 10).0;
    assert!(p[0] > 200 && p[2] < 50, "first frame is red, got {p:?}");
    let webp = process(&fixture("photo.webp")).unwrap();
    assert_eq!((webp.width, webp.height), (800, 600));
}

#[test]
fn corrupt_and_fake_images_are_clear_errors() {
    let Err(truncated) = process(&fixture("truncated.jpg")) else {
        panic!("a cut-off JPEG must be refused");
    };
    assert_eq!(truncated.code(), "error-image-corrupt", "{truncated}");
    let fake = process(&fixture("fake.gif")).unwrap_err();
    // Its "header" claims 29728×26984 pixels: refused before any decoding.
    assert!(
        matches!(
            fake,
            MediaError::Corrupt(_) | MediaError::TooManyPixels { .. }
        ),
        "{fake:?}"
    );
    let text = process(b"Bonjour, ceci est un texte.").unwrap_err();
    assert_eq!(text.code(), "error-image-unsupported");
    assert_eq!(process(&[]).unwrap_err().code(), "error-image-unsupported");
}

/// A valid PNG declaring 20000×20000 pixels with a tiny compressed body (a classic
/// decompression bomb: ~1.6 GB once decoded). It must be refused from its header,
/// quickly and without allocating the picture.
fn png_bomb() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, 20_000, 20_000);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        let mut stream = writer.stream_writer().unwrap();
        let row = vec![0u8; 20_000 * 4];
        for _ in 0..4 {
            std::io::Write::write_all(&mut stream, &row).unwrap();
        }
        std::io::Write::flush(&mut stream).unwrap();
        // Not finished: the image stays incomplete, like a bomb cut short.
        std::mem::forget(stream);
    }
    out
}

#[test]
fn a_decompression_bomb_is_refused_before_it_is_decoded() {
    let bomb = png_bomb();
    assert!(bomb.len() < 100_000, "{}", bomb.len());
    let err = process(&bomb).unwrap_err();
    assert!(
        matches!(
            err,
            MediaError::TooManyPixels {
                width: 20_000,
                height: 20_000
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("20000×20000"), "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_decoding() {
    let big = vec![0u8; tandem_core::media::MAX_FILE_BYTES + 1];
    assert_eq!(
        process(&big).unwrap_err().code(),
        "error-image-file-too-large"
    );
}
