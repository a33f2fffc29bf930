"""What an uploaded file may not do: be too big, hold too many rows, columns or vertices, smuggle paths or
bombs in a zip, expand XML entities, or write anywhere but a temporary folder.

Limits are a frozen value whose defaults are the TERRITORIO_* settings in CAPS (territorio.settings, listed
in docs/SETTINGS.md; why each default is what it is: docs/IMPORTS.md); the settings set override them.
Readers check rows, columns and vertices before or while reading; the time and memory limits hold for the
import as a whole (territorio/imports/bounded.py).
"""

from __future__ import annotations

import posixpath
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from territorio import settings
from territorio.imports.report import FileRejected

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = int(float(settings.MAX_UPLOAD_MB.default) * MB)   # the file as uploaded
    max_unzipped_bytes: int = 200 * MB  # a zip's members together, or a Parquet's data, once unpacked
    max_ratio: int = 100                # uncompressed / compressed, per member (bombs compress ~1000:1)
    max_members: int = 200
    max_rows: int = int(settings.MAX_ROWS.default)            # twice the 100,000 incidents the app is built for
    max_columns: int = int(settings.MAX_COLUMNS.default)      # ACLED exports have 31; a newsroom register a few dozen
    max_vertices: int = int(settings.MAX_VERTICES.default)    # Miranda's 21 municipalities in full: 22,000
    max_seconds: float = float(settings.IMPORT_SECONDS.default)   # 200,000 CSV rows import in ~7 s here
    max_memory_mb: int = int(settings.IMPORT_MEMORY_MB.default)   # address space it may add: 200,000 rows took 1.5 GB

    @classmethod
    def from_env(cls) -> "Limits":
        """The defaults, with each setting in CAPS that is set to a positive number (unset, not a number or
        not above zero: the default)."""
        values = {}
        for setting, (attr, scale) in CAPS.items():
            number = setting.positive()
            if number is not None:
                values[attr] = type(getattr(cls, attr))(number * scale)
        return cls(**values)


CAPS = {  # setting -> (Limits attribute, its unit)
    settings.MAX_UPLOAD_MB: ("max_bytes", MB),
    settings.MAX_ROWS: ("max_rows", 1),
    settings.MAX_COLUMNS: ("max_columns", 1),
    settings.MAX_VERTICES: ("max_vertices", 1),
    settings.IMPORT_SECONDS: ("max_seconds", 1),
    settings.IMPORT_MEMORY_MB: ("max_memory_mb", 1),
}


def check_size(size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise FileRejected("too_big", size_mb=f"{size / MB:.1f}", limit_mb=f"{limits.max_bytes / MB:.1f}")


def check_rows(n: int, limits: Limits) -> None:
    """`n` rows read or announced so far: called as rows are counted, so a reader stops at the first one over."""
    if n > limits.max_rows:
        raise FileRejected("too_many_rows", limit=limits.max_rows)


def check_columns(n: int, limits: Limits) -> None:
    if n > limits.max_columns:
        raise FileRejected("too_many_columns", n=n, limit=limits.max_columns)


def check_vertices(n: int, limits: Limits) -> None:
    if n > limits.max_vertices:
        raise FileRejected("too_many_vertices", limit=limits.max_vertices)


def check_unpacked(size: int, limits: Limits) -> None:
    """Data that is small on disk but large once read (a Parquet of dictionary-encoded cells)."""
    if size > limits.max_unzipped_bytes:
        raise FileRejected("unpacks_too_big", size_mb=f"{size / MB:.1f}",
                           limit_mb=f"{limits.max_unzipped_bytes / MB:.1f}")


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


def iter_xml(data: bytes, events=("start", "end")):
    """(event, element) pairs as the parser meets them, so a reader can count and drop elements as it goes;
    DTDs and entities refused (billion laughs, external entities)."""
    import io
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml import ElementTree

    try:
        yield from ElementTree.iterparse(io.BytesIO(data), events, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise FileRejected("xml_entities") from None
    except ParseError as exc:
        raise FileRejected("xml_unreadable", detail=str(exc)) from None
