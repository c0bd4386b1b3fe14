"""Which files the evidence store accepts: type from content, extension consistency, size.

Basis: evidence is recorded in text *and* audio-video form (国办发〔2018〕118号 全过程记录制度:
文字记录 and 音像记录, e.g. 执法记录仪 recordings), and 行政处罚法 第四十六条 lists 视听资料 and
电子数据 among the kinds of evidence — hence documents, images, audio and video.

A file is accepted only when its *content* (sniffed with puremagic, never the name) is an allowed
type, its extension belongs to that same type, and a declared MIME type, if any, agrees. A PNG
renamed ``.pdf`` is refused as mislabelled: a tampered or disguised exhibit must not enter the
chain of custody under a false description.

>>> png = b"\\x89PNG\\r\\n\\x1a\\n" + bytes(24)
>>> classify(candidates=sniff(png), original_name="照片.PNG").mime
'image/png'
>>> classify(candidates=sniff(png), original_name="笔录.pdf")
Traceback (most recent call last):
    ...
fazhi.core.domain.evidence.EvidenceRejected: 文件内容为PNG 图片，与扩展名“.pdf”不符，疑似改名，已拒收
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath

import puremagic

SNIFF_BYTES = 64 * 1024  # enough for every signature used below, including OOXML part names


class EvidenceKind(StrEnum):
    DOCUMENT = "document"
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"


KIND_LABELS = {
    EvidenceKind.DOCUMENT: "文档",
    EvidenceKind.IMAGE: "图片",
    EvidenceKind.AUDIO: "音频",
    EvidenceKind.VIDEO: "视频",
}


class RejectCode(StrEnum):
    EMPTY = "empty"
    TOO_LARGE = "file_too_large"
    TYPE_NOT_ALLOWED = "file_type_not_allowed"
    MISLABELLED = "file_type_mismatch"


class EvidenceRejected(Exception):
    """The file may not be stored; ``str(exc)`` is the Chinese message for the user."""

    def __init__(self, code: RejectCode, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class FileType:
    label: str
    kind: EvidenceKind
    mime: str
    extensions: frozenset[str]  # names a file of this type may carry (lower case, with dot)
    signatures: frozenset[str]  # what the content sniffer reports for this type
    aliases: frozenset[str] = frozenset()  # other MIME names clients send for it


def _type(
    label: str,
    kind: EvidenceKind,
    mime: str,
    exts: str,
    sigs: str | None = None,
    aliases: Iterable[str] = (),
) -> FileType:
    extensions = frozenset(f".{e}" for e in exts.split())
    signatures = frozenset(sigs.split()) if sigs else extensions
    return FileType(label, kind, mime, extensions, signatures, frozenset(aliases))


_OLE = ".doc .xls .ppt .wps .dot .xlt .pot .pps"  # one container (CFB) for all Office 97-2003 files
_ISO_MEDIA = ".mp4 .m4a .m4v .mov .qt .qtvr .3gp .3ga .3g2 .f4a .f4v .m4b"  # ISO base media (ftyp)
DOC, IMG, AUD, VID = (
    EvidenceKind.DOCUMENT,
    EvidenceKind.IMAGE,
    EvidenceKind.AUDIO,
    EvidenceKind.VIDEO,
)
ALLOWED_TYPES: tuple[FileType, ...] = (
    _type("PDF 文档", DOC, "application/pdf", "pdf", aliases=["application/x-pdf"]),
    _type("OFD 版式文档", DOC, "application/ofd", "ofd"),  # GB/T 33190-2016, used by e-government
    _type("Word 文档", DOC, "application/msword", "doc", _OLE),
    _type("Excel 表格", DOC, "application/vnd.ms-excel", "xls", _OLE),
    _type("PowerPoint 演示文稿", DOC, "application/vnd.ms-powerpoint", "ppt", _OLE),
    _type("WPS 文档", DOC, "application/vnd.ms-works", "wps", _OLE, ["application/kswps"]),
    _type(
        "Word 文档",
        DOC,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    _type(
        "Excel 表格",
        DOC,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    _type(
        "PowerPoint 演示文稿",
        DOC,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
    ),
    _type(
        "JPEG 图片", IMG, "image/jpeg", "jpg jpeg jpe jfif", aliases=["image/jpg", "image/pjpeg"]
    ),
    _type("PNG 图片", IMG, "image/png", "png"),
    _type("GIF 图片", IMG, "image/gif", "gif"),
    _type("TIFF 图片", IMG, "image/tiff", "tif tiff"),
    _type("BMP 图片", IMG, "image/bmp", "bmp", ".bmp .dib", ["image/x-ms-bmp"]),
    _type("WebP 图片", IMG, "image/webp", "webp"),
    _type("HEIC 图片", IMG, "image/heic", "heic heif", aliases=["image/heif"]),
    _type("MP3 音频", AUD, "audio/mpeg", "mp3", aliases=["audio/mp3"]),
    _type("WAV 音频", AUD, "audio/wav", "wav", aliases=["audio/x-wav", "audio/wave"]),
    _type("AMR 音频", AUD, "audio/amr", "amr"),
    _type("AAC 音频", AUD, "audio/aac", "aac"),
    _type("M4A 音频", AUD, "audio/mp4", "m4a", _ISO_MEDIA, ["audio/x-m4a"]),
    _type("WMA 音频", AUD, "audio/x-ms-wma", "wma", ".wma .wmv .asf"),
    _type("MP4 视频", VID, "video/mp4", "mp4 m4v", _ISO_MEDIA),
    _type("QuickTime 视频", VID, "video/quicktime", "mov", _ISO_MEDIA),
    _type("3GP 视频", VID, "video/3gpp", "3gp", _ISO_MEDIA),
    _type("AVI 视频", VID, "video/x-msvideo", "avi", aliases=["video/avi"]),
    _type("WMV 视频", VID, "video/x-ms-wmv", "wmv", ".wma .wmv .asf"),
    _type("Matroska 视频", VID, "video/x-matroska", "mkv webm", ".mkv .webm", ["video/webm"]),
    _type("FLV 视频", VID, "video/x-flv", "flv"),
)
_GENERIC_MIMES = frozenset({"", "application/octet-stream", "binary/octet-stream"})


def allowed_summary() -> str:
    """One line per kind listing its extensions, for help texts and error messages."""
    lines = []
    for kind, label in KIND_LABELS.items():
        exts = sorted({e for t in ALLOWED_TYPES if t.kind == kind for e in t.extensions})
        lines.append(f"{label}：{'、'.join(exts)}")
    return "；".join(lines)


def sniff(head: bytes) -> frozenset[str]:
    """Extensions the content could have, from its first bytes (``SNIFF_BYTES`` are enough).

    Containers are narrowed by what they hold, since puremagic reports every ZIP-based format
    for any ZIP and every RIFF format for any RIFF file.
    """
    if head[:4] == b"PK\x03\x04":
        # OOXML / OFD are ZIP archives whose part names sit in clear in the local headers.
        for marker, ext in (
            (b"word/", ".docx"),
            (b"xl/", ".xlsx"),
            (b"ppt/", ".pptx"),
            (b"OFD.xml", ".ofd"),
        ):
            if marker in head:
                return frozenset({ext})
        return frozenset({".zip"})
    if head[:4] == b"RIFF":
        riff = {b"WAVE": ".wav", b"AVI ": ".avi", b"WEBP": ".webp"}.get(head[8:12])
        return frozenset({riff}) if riff else frozenset({".riff"})
    if head[4:8] == b"ftyp" and head[8:12] in {b"heic", b"heix", b"mif1", b"msf1"}:
        return frozenset({".heic"})
    try:
        matches = puremagic.magic_string(head)
    except (puremagic.PureError, ValueError):
        return frozenset()
    return frozenset(m.extension.lower() for m in matches if m.extension)


def _content_types(candidates: frozenset[str]) -> list[FileType]:
    return [t for t in ALLOWED_TYPES if t.signatures & candidates]


def _describe(candidates: frozenset[str], types: list[FileType]) -> str:
    if types:
        return "、".join(dict.fromkeys(t.label for t in types))
    return "不允许的格式（" + "、".join(sorted(candidates)[:3]) + "）"


def classify(
    *, candidates: frozenset[str], original_name: str, declared_type: str | None = None
) -> FileType:
    """The allowed type of a file, or :class:`EvidenceRejected` saying why not."""
    ext = PurePosixPath(original_name.replace("\\", "/")).suffix.lower()
    if ext and not any(ext in t.extensions for t in ALLOWED_TYPES):
        raise EvidenceRejected(
            RejectCode.TYPE_NOT_ALLOWED, f"不支持的文件类型“{ext}”。允许的类型：{allowed_summary()}"
        )
    if not candidates:
        raise EvidenceRejected(RejectCode.TYPE_NOT_ALLOWED, "无法从文件内容识别文件类型，已拒收")
    types = _content_types(candidates)
    if not types:
        raise EvidenceRejected(
            RejectCode.TYPE_NOT_ALLOWED,
            f"文件内容为{_describe(candidates, types)}，不在允许范围内，已拒收",
        )
    if ext:
        matching = [t for t in types if ext in t.extensions]
        if not matching:
            raise EvidenceRejected(
                RejectCode.MISLABELLED,
                f"文件内容为{_describe(candidates, types)}，与扩展名“{ext}”不符，疑似改名，已拒收",
            )
        types = matching
    declared = (declared_type or "").split(";")[0].strip().lower()
    if declared not in _GENERIC_MIMES:
        matching = [t for t in types if declared == t.mime or declared in t.aliases]
        if not matching:
            raise EvidenceRejected(
                RejectCode.MISLABELLED,
                f"文件内容为{_describe(candidates, types)}，与声明的类型“{declared}”不符，已拒收",
            )
        types = matching
    return types[0]


def check_size(size: int, limit: int) -> None:
    """Refuse an empty file, or one over ``limit`` bytes (FAZHI["EVIDENCE_MAX_BYTES"]).

    >>> check_size(3 * 1024 * 1024, 2 * 1024 * 1024)
    Traceback (most recent call last):
        ...
    fazhi.core.domain.evidence.EvidenceRejected: 文件超过大小上限 2.0 MB，已拒收
    """
    if size == 0:
        raise EvidenceRejected(RejectCode.EMPTY, "空文件不能作为证据")
    if size > limit:
        raise EvidenceRejected(
            RejectCode.TOO_LARGE, f"文件超过大小上限 {limit / 1024 / 1024:.1f} MB，已拒收"
        )
