"""What an uploaded file may not do: be too big, smuggle paths or bombs in a zip, expand XML entities,
or write anywhere but a temporary folder.

Limits are a frozen value with defaults; TERRITORIO_MAX_UPLOAD_MB overrides the size limit.
"""

from __future__ import annotations

import os
import posixpath
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from territorio.imports.report import FileRejected

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * MB            # the file as uploaded
    max_unzipped_bytes: int = 200 * MB  # all members of a zip together, uncompressed
    max_ratio: int = 100                # uncompressed / compressed, per member (bombs compress ~1000:1)
    max_members: int = 200

    @classmethod
    def from_env(cls) -> "Limits":
        try:
            return cls(max_bytes=int(float(os.environ["TERRITORIO_MAX_UPLOAD_MB"]) * MB))
        except (KeyError, ValueError):   # unset or not a number: the default
            return cls()


def check_size(size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise FileRejected("too_big", size_mb=f"{size / MB:.1f}", limit_mb=f"{limits.max_bytes / MB:.1f}")


def _unsafe_name(name: str) -> bool:
    norm = posixpath.normpath(name.replace("\\", "/"))
    return (name.startswith(("/", "\\")) or ":" in name or norm == ".." or norm.startswith("../")
            or "/../" in f"/{name.replace(chr(92), '/')}/")


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def check_zip(zf: zipfile.ZipFile, limits: Limits) -> list[zipfile.ZipInfo]:
    """The file members of a zip, after refusing traversal, links, encryption and bombs."""
    infos = [i for i in zf.infolist() if not i.is_dir()]
    if len(infos) > limits.max_members:
        raise FileRejected("zip_too_many", n=len(infos), limit=limits.max_members)
    total = 0
    for info in infos:
        if _unsafe_name(info.filename) or _is_link(info):
            raise FileRejected("zip_unsafe_path", name=info.filename)
        if info.flag_bits & 0x1:
            raise FileRejected("zip_encrypted", name=info.filename)
        total += info.file_size
        if info.file_size > MB and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise FileRejected("zip_bomb", name=info.filename)
    if total > limits.max_unzipped_bytes:
        raise FileRejected("zip_too_big", size_mb=f"{total / MB:.1f}",
                           limit_mb=f"{limits.max_unzipped_bytes / MB:.1f}")
    return infos


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, read no further than its declared size (a lying header is a bomb too)."""
    with zf.open(info) as fh:
        data = fh.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise FileRejected("zip_bomb", name=info.filename)
    return data


def extract(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], folder: Path) -> list[Path]:
    """Members written flat (base names only) into `folder`, a temporary directory the caller owns."""
    out = []
    for info in infos:
        target = folder / posixpath.basename(info.filename.replace("\\", "/"))
        if target.resolve().parent != folder.resolve():
            raise FileRejected("zip_unsafe_path", name=info.filename)
        target.write_bytes(read_member(zf, info))
        out.append(target)
    return out


def open_zip(data: bytes, limits: Limits) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    import io

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise FileRejected("zip_unreadable") from None
    return zf, check_zip(zf, limits)


def parse_xml(data: bytes):
    """An ElementTree root, refusing DTDs and entities (billion laughs, external entities)."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml import ElementTree

    try:
        return ElementTree.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise FileRejected("xml_entities") from None
    except ParseError as exc:
        raise FileRejected("xml_unreadable", detail=str(exc)) from None
