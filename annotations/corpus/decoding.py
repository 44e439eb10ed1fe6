"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or a detected legacy code page."""

from __future__ import annotations

import codecs

from annotations.arabic import is_arabic_letter

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_SIGNATURES = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x7fELF")
_TEXT_CONTROLS = set(b"\t\n\r\f\x1b")


class UndecodableError(ValueError):
    """The bytes are not text in an encoding rawi reads."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode `data`; return (text, encoding name) or raise `UndecodableError`."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise UndecodableError(
                    f"invalid {encoding} after its byte-order mark: {error}"
                ) from None
    if looks_binary(data):
        raise UndecodableError("binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def looks_binary(data: bytes) -> bool:
    """Whether `data` starts like a known binary format or is full of control bytes."""
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > len(sample) * 0.02


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Windows-1256 when it yields Arabic text, else charset-normalizer's best guess."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(map(is_arabic_letter, letters)) >= 0.6 * len(letters):
        return text, "cp1256"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("not UTF-8, UTF-16 or Windows-1256, and no other encoding fits")
    return str(best), best.encoding
