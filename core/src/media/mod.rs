//! Image import: decode within limits (a decompression bomb or a corrupt file is a
//! clear error, never a crash or a hang), apply the EXIF orientation, resize to at most
//! 1200 px wide (600 px shown at 2x), and re-encode — JPEG for photos, PNG for flat
//! art — which also drops every metadata block (GPS position, camera, author).

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// Widest stored image, in pixels.
pub const MAX_WIDTH: u32 = 1200;
/// Largest file accepted, before decoding.
pub const MAX_FILE_BYTES: usize = 40 * 1024 * 1024;
/// Largest picture accepted, in pixels per side.
pub const MAX_SIDE: u32 = 16_000;
/// Largest decoded picture, in megapixels (a 24 MP camera photo is fine).
pub const MAX_MEGAPIXELS: u64 = 64;
/// Aim for stored photos under this size.
const JPEG_BUDGET: usize = 350 * 1024;

/// A stored image, ready for the database and for mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessedImage {
    pub bytes: Vec<u8>,
    pub mime: &'static str,
    /// `jpg` or `png`.
    pub extension: &'static str,
    pub width: u32,
    pub height: u32,
}

/// Why an image could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error("the file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes")]
    FileTooLarge { size: usize },
    #[error("this is not a JPEG, PNG, WebP or GIF image")]
    Unsupported,
    #[error("the image is {width}×{height} pixels; the limit is {MAX_SIDE} per side and {MAX_MEGAPIXELS} megapixels")]
    TooManyPixels { width: u32, height: u32 },
    #[error("the image is damaged and cannot be read: {0}")]
    Corrupt(String),
}

impl MediaError {
    /// The Fluent id of the message shown to the user.
    pub fn code(&self) -> &'static str {
        match self {
            MediaError::FileTooLarge { .. } => "error-image-file-too-large",
            MediaError::Unsupported => "error-image-unsupported",
            MediaError::TooManyPixels { .. } => "error-image-too-many-pixels",
            MediaError::Corrupt(_) => "error-image-corrupt",
        }
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    // RGBA8 of the largest accepted picture, plus room for the decoder's buffers.
    limits.max_alloc = Some(MAX_MEGAPIXELS * 1_000_000 * 4 + 64 * 1024 * 1024);
    limits
}

/// Decodes, orients, resizes and re-encodes an image file's bytes.
pub fn process(bytes: &[u8]) -> Result<ProcessedImage, MediaError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(MediaError::FileTooLarge { size: bytes.len() });
    }
    let format = image::guess_format(bytes).map_err(|_| MediaError::Unsupported)?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif
    ) {
        return Err(MediaError::Unsupported);
    }
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        // Decoders fill a cut-off JPEG with grey and call it a success.
        return Err(MediaError::Corrupt(
            "the file is incomplete (cut off)".into(),
        ));
    }
    // The header alone tells the size: refuse a bomb before any pixel is decoded.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| classify(e, None))?;
    if width > MAX_SIDE
        || height > MAX_SIDE
        || u64::from(width) * u64::from(height) > MAX_MEGAPIXELS * 1_000_000
    {
        return Err(MediaError::TooManyPixels { width, height });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| classify(e, Some((width, height))))?;
    let orientation = decoder.orientation().ok();
    let mut img =
        DynamicImage::from_decoder(decoder).map_err(|e| classify(e, Some((width, height))))?;
    if let Some(orientation) = orientation {
        img.apply_orientation(orientation);
    }
    if img.width() > MAX_WIDTH {
        let h =
            (u64::from(img.height()) * u64::from(MAX_WIDTH) / u64::from(img.width())).max(1) as u32;
        img = img.resize_exact(MAX_WIDTH, h, FilterType::CatmullRom);
    }
    encode(img)
}

/// A complete JPEG has an end-of-image marker (FF D9) after its last start-of-scan
/// (FF DA); inside scan data FF is always followed by 00 or a restart marker, so a file
/// cut off mid-scan has none.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let last_sos = bytes.windows(2).rposition(|w| w == [0xFF, 0xDA]);
    match last_sos {
        Some(pos) => bytes[pos..].windows(2).any(|w| w == [0xFF, 0xD9]),
        None => false,
    }
}

fn classify(e: image::ImageError, dims: Option<(u32, u32)>) -> MediaError {
    match &e {
        image::ImageError::Limits(_) => match dims {
            Some((width, height)) => MediaError::TooManyPixels { width, height },
            None => MediaError::Corrupt(e.to_string()),
        },
        image::ImageError::Unsupported(_) => MediaError::Unsupported,
        _ => MediaError::Corrupt(e.to_string()),
    }
}

/// Flat art (logos, charts: few colours, or transparency) stays PNG; photos become JPEG.
fn is_flat_art(img: &DynamicImage) -> bool {
    if img.color().has_alpha() && img.to_rgba8().pixels().any(|p| p.0[3] < 255) {
        return true;
    }
    let rgb = img.to_rgb8();
    let mut colours = std::collections::HashSet::new();
    for p in rgb.pixels().step_by(7) {
        colours.insert(p.0);
        if colours.len() > 256 {
            return false;
        }
    }
    true
}

fn encode(img: DynamicImage) -> Result<ProcessedImage, MediaError> {
    let (width, height) = (img.width(), img.height());
    if is_flat_art(&img) {
        let mut out = Vec::new();
        let encoder =
            PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive);
        img.to_rgba8()
            .write_with_encoder(encoder)
            .map_err(|e| MediaError::Corrupt(e.to_string()))?;
        return Ok(ProcessedImage {
            bytes: out,
            mime: "image/png",
            extension: "png",
            width,
            height,
        });
    }
    let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
    let mut quality = 85;
    loop {
        let mut out = Vec::new();
        let encoder = JpegEncoder::new_with_quality(&mut out, quality);
        rgb.write_with_encoder(encoder)
            .map_err(|e| MediaError::Corrupt(e.to_string()))?;
        if out.len() <= JPEG_BUDGET || quality <= 60 {
            return Ok(ProcessedImage {
                bytes: out,
                mime: "image/jpeg",
                extension: "jpg",
                width,
                height,
            });
        }
        quality -= 8;
    }
}
