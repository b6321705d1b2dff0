//! What the fuzz targets share.

/// Any bytes as a grey photo: the first byte picks the width (at least 1),
/// the rest are its pixels, cut to whole rows. `None` for no bytes.
pub fn grey_photo(data: &[u8]) -> Option<(usize, usize, &[u8])> {
    let (&width, pixels) = data.split_first()?;
    let width = usize::from(width).max(1);
    let height = pixels.len() / width;
    Some((width, height, &pixels[..width * height]))
}
