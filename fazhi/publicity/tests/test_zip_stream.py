"""The ZIP writer whose members take segments deflated elsewhere: zipfile reads back what was
written, CRC-32 included, however text and segments are mixed."""

from __future__ import annotations

import random
import struct
import zipfile
import zlib

import pytest

from fazhi.publicity.services.zip_stream import Deflater, ZipWriter, crc32_combine, inflate


@pytest.mark.parametrize("seed", range(5))
def test_the_crc_of_a_concatenation_is_combined_from_the_pieces(seed):
    rng = random.Random(seed)
    data = rng.randbytes(rng.randrange(1, 300_000))
    cuts = sorted(rng.sample(range(len(data) + 1), min(6, len(data) + 1)))
    pieces = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
    crc = 0
    for piece in pieces:  # some pieces are empty
        crc = crc32_combine(crc, zlib.crc32(piece), len(piece))
    assert crc == zlib.crc32(data)


def test_segments_from_separate_deflaters_and_text_make_one_member(tmp_path):
    worker_a, worker_b = Deflater(1), Deflater(1)
    texts = [b"<row>" + str(n).encode() * 500 + b"</row>\n" for n in range(6)]
    path = tmp_path / "out.zip"
    archive = ZipWriter(path, level=1)
    member = archive.open("sheet.xml")
    member.write(texts[0])  # the parent's own text (a header) …
    member.write_segment(worker_a.segment(texts[1]))  # … then the workers' segments
    member.write_segment(worker_a.segment(texts[2]))
    member.write(texts[3])
    member.write_segment(worker_b.segment(texts[4]))
    member.write_segment(worker_b.segment(b""))
    member.write(texts[5])
    member.close()
    archive.writestr("名称.xml", "中文".encode())
    archive.close()

    with zipfile.ZipFile(path) as book:
        assert book.testzip() is None
        assert book.read("sheet.xml") == b"".join(texts)
        assert book.read("名称.xml") == "中文".encode()
        assert [i.compress_type for i in book.infolist()] == [zipfile.ZIP_DEFLATED] * 2
        infos = book.infolist()
    raw = path.read_bytes()
    for info in infos:  # the local headers carry the sizes too: no data descriptor
        assert not info.flag_bits & 0x08
        local = struct.unpack_from("<IHHHHHIII", raw, info.header_offset)
        assert local[0] == 0x04034B50
        assert local[6:] == (info.CRC, info.compress_size, info.file_size)


def test_a_segment_inflates_on_its_own():
    deflater = Deflater(1)
    deflater.segment(b"first " * 1000)  # what came before is not referred to
    second = deflater.segment(b"first second " * 1000)
    assert inflate(second.data) == b"first second " * 1000
    assert second.crc == zlib.crc32(b"first second " * 1000)


def test_one_member_at_a_time(tmp_path):
    archive = ZipWriter(tmp_path / "out.zip", level=1)
    archive.open("a.xml")
    with pytest.raises(RuntimeError):
        archive.open("b.xml")
    archive.close()
