"""A minimal streaming ZIP writer (deflate, no ZIP64) whose members also take segments that
another process deflated.

Why not zipfile: a member opened with ``ZipFile.open(name, "w")`` deflates whatever it is
given, so a parallel export had its workers write the sheet XML as text and the parent read it
back and deflate it alone (a third of the export's time). Here a worker deflates its share into
*segments* (`Deflater.segment`): each ends with a full flush, so it is byte-aligned, has no final
block and refers to nothing before it; segments from different processes, and text the member
deflates itself, concatenate into one valid deflate stream. The member's CRC-32 is combined from
the segments' (`crc32_combine`, zlib's algorithm), so the parent never sees the text.

As zipfile does with a file it can seek in, the CRC-32 and sizes of a member are written into its
local header once the member is closed (no data descriptor: some readers handle those badly);
sizes and offsets must stay under 4 GiB (the XLSX writer keeps each sheet's XML under 2 GB, see
xlsx_stream.SHEET_BYTES).
"""

from __future__ import annotations

import struct
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

_LIMIT = 0xFFFFFFFF  # beyond this ZIP64 would be needed
_FLAGS = 0x0800  # bit 11: names in UTF-8
_VERSION = 20  # 2.0: deflate
_DEFLATED = 8
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_SIZES = struct.Struct("<III")  # CRC-32, compressed and uncompressed size in a local header
_SIZES_AT = 14  # their offset in the local header
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")

# --- CRC-32 of a concatenation (zlib's crc32_combine, zlib >= 1.2.12) -----------------------

_POLY = 0xEDB88320  # the CRC-32 polynomial, reflected


def _multmodp(a: int, b: int) -> int:
    """a × b modulo the CRC polynomial (reflected bit order, as zlib's multmodp)."""
    m, p = 1 << 31, 0
    while True:
        if a & m:
            p ^= b
            if not a & (m - 1):
                return p
        m >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1


_X2N = [1 << 30]  # x^(2^n) modulo the polynomial, n = 0 … 31
for _ in range(31):
    _X2N.append(_multmodp(_X2N[-1], _X2N[-1]))


def _x2nmodp(n: int, k: int) -> int:
    """x^(n × 2^k) modulo the polynomial."""
    p = 1 << 31  # x^0
    while n:
        if n & 1:
            p = _multmodp(_X2N[k & 31], p)
        n >>= 1
        k += 1
    return p


def crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """The CRC-32 of ``a + b`` from ``crc32(a)``, ``crc32(b)`` and ``len(b)``.

    >>> a, b = b"hello, ", b"world"
    >>> crc32_combine(zlib.crc32(a), zlib.crc32(b), len(b)) == zlib.crc32(a + b)
    True
    """
    return _multmodp(_x2nmodp(len2, 3), crc1) ^ crc2


# --- segments -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """Deflated bytes that stand alone inside a deflate stream, with what they decompress to."""

    data: bytes
    crc: int  # CRC-32 of the uncompressed bytes
    size: int  # uncompressed length


class Deflater:
    """Raw deflate into `Segment`s (one compressor reused; a full flush after each)."""

    def __init__(self, level: int):
        self._compressor = zlib.compressobj(level, zlib.DEFLATED, -15)

    def segment(self, data: bytes) -> Segment:
        out = self._compressor.compress(data) + self._compressor.flush(zlib.Z_FULL_FLUSH)
        return Segment(out, zlib.crc32(data), len(data))


def inflate(segment: bytes) -> bytes:
    """The bytes a segment stands for."""
    return zlib.decompressobj(-15).decompress(segment)


# --- the archive ----------------------------------------------------------------------------


def _dos_time(moment: time.struct_time) -> tuple[int, int]:
    stamp = (moment.tm_hour << 11) | (moment.tm_min << 5) | (moment.tm_sec // 2)
    day = ((max(moment.tm_year, 1980) - 1980) << 9) | (moment.tm_mon << 5) | moment.tm_mday
    return stamp, day


class Member:
    """One deflated member being written; from `ZipWriter.open`. Close it before the next."""

    def __init__(self, archive: ZipWriter, name: str):
        self._archive, self.name = archive, name
        self.offset = archive.tell()
        self.crc = self.size = self.compressed = 0
        self._compressor = zlib.compressobj(archive.level, zlib.DEFLATED, -15)
        self._dirty = False  # text written since the compressor's last full flush
        encoded = name.encode()
        self._archive.write(
            _LOCAL.pack(
                0x04034B50, _VERSION, _FLAGS, _DEFLATED, *archive.stamp, 0, 0, 0, len(encoded), 0
            )
            + encoded
        )

    def _out(self, data: bytes) -> None:
        self.compressed += len(data)
        self._archive.write(data)

    def write(self, data: bytes) -> None:
        """Text to deflate here."""
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        self._dirty = True
        self._out(self._compressor.compress(data))

    def write_segment(self, segment: Segment) -> None:
        """A segment deflated elsewhere, appended as it is."""
        if self._dirty:  # end what this compressor holds, and its references, first
            self._out(self._compressor.flush(zlib.Z_FULL_FLUSH))
            self._dirty = False
        self._out(segment.data)
        self.crc = crc32_combine(self.crc, segment.crc, segment.size)
        self.size += segment.size

    def close(self) -> None:
        self._out(self._compressor.flush(zlib.Z_FINISH))  # the final (maybe empty) block
        if self.size > _LIMIT or self.compressed > _LIMIT:
            raise ValueError(f"ZIP 成员 {self.name} 超过 4 GB")
        self._archive.patch(
            self.offset + _SIZES_AT, _SIZES.pack(self.crc, self.compressed, self.size)
        )
        self._archive.closed_member(self)


class ZipWriter:
    """Members written one after the other, then the central directory on `close`."""

    def __init__(self, path: Path, *, level: int):
        self.level = level
        self.stamp = _dos_time(time.localtime())
        self._fh = open(path, "wb")  # noqa: SIM115 (closed in close())
        self._members: list[Member] = []
        self._open: Member | None = None

    def tell(self) -> int:
        return self._fh.tell()

    def write(self, data: bytes) -> None:
        self._fh.write(data)

    def patch(self, offset: int, data: bytes) -> None:
        """Overwrite bytes already written at ``offset``, then carry on at the end."""
        end = self._fh.tell()
        self._fh.seek(offset)
        self._fh.write(data)
        self._fh.seek(end)

    def open(self, name: str) -> Member:
        if self._open is not None:
            raise RuntimeError(f"ZIP 成员 {self._open.name} 尚未关闭")
        self._open = Member(self, name)
        return self._open

    def closed_member(self, member: Member) -> None:
        self._members.append(member)
        self._open = None

    def writestr(self, name: str, data: bytes) -> None:
        member = self.open(name)
        member.write(data)
        member.close()

    def close(self) -> None:
        """Write the central directory (when every member was closed) and close the file."""
        if self._fh.closed:
            return
        try:
            if self._open is None:
                self._directory()
        finally:
            self._fh.close()

    def _directory(self) -> None:
        start = self.tell()
        for m in self._members:
            encoded = m.name.encode()
            self.write(
                _CENTRAL.pack(
                    0x02014B50,
                    _VERSION,
                    _VERSION,
                    _FLAGS,
                    _DEFLATED,
                    *self.stamp,
                    m.crc,
                    m.compressed,
                    m.size,
                    len(encoded),
                    0,
                    0,
                    0,
                    0,
                    0,
                    m.offset,
                )
                + encoded
            )
        end = self.tell()
        if end > _LIMIT:
            raise ValueError("ZIP 文件超过 4 GB")
        count = len(self._members)
        self.write(_END.pack(0x06054B50, 0, 0, count, count, end - start, start, 0))
