"""Bytes -> text: BOMs, UTF-8, UTF-16, Windows-1256 and ISO-8859-6 (charset-normalizer), refusals with reasons."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from alaqat.model import RejectedInput

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Encodings tried, in order, when the text is not UTF-8 (Arabic single-byte encodings first).
_ARABIC_CANDIDATES = ("cp1256", "iso8859_6", "utf_16_le", "utf_16_be")


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def decode(data: bytes, source: str) -> str:
    """Decode a document's bytes, or raise RejectedInput naming ``source`` and the reason."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise RejectedInput(source, f"binary file ({what}), not text")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise RejectedInput(source, f"has a {enc} byte-order mark but does not decode: {e}") from e
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    else:
        if "\x00" not in text:
            return text
    # Not UTF-8: ask charset-normalizer, then prefer an Arabic reading where one is clearly right.
    best = from_bytes(data).best()
    guess = str(best) if best is not None else None
    if guess is not None and _arabic_share(guess) >= 0.5 and "\x00" not in guess:
        return guess
    for enc in _ARABIC_CANDIDATES:
        try:
            cand = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _arabic_share(cand) >= 0.6 and "\x00" not in cand and _printable_share(cand) > 0.97:
            return cand
    if guess is not None and "\x00" not in guess and _printable_share(guess) > 0.97:
        return guess
    if b"\x00" in data:
        raise RejectedInput(source, "binary file (contains NUL bytes), not text")
    raise RejectedInput(source, "cannot detect the text encoding (tried UTF-8, UTF-16, Windows-1256, ISO-8859-6)")


def _printable_share(text: str) -> float:
    if not text:
        return 0.0
    ok = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    return ok / len(text)
