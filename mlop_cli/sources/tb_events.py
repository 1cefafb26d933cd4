"""Read TensorBoard event files: TFRecord framing, CRC checks, and ``Event`` decoding.

An event file is a sequence of TFRecords::

    uint64 length | uint32 masked_crc32c(length) | data[length] | uint32 masked_crc32c(data)

(little endian), each ``data`` an ``Event`` protocol buffer. :class:`EventFileReader` tails
one file: every :meth:`EventFileReader.read_new` call reads the complete records written
since the last call and turns them into mlop records (:class:`~mlop_cli.records.Points`
batched per metric, :class:`~mlop_cli.records.Histogram`, :class:`~mlop_cli.records.Text`,
:class:`~mlop_cli.records.Param`, :class:`~mlop_cli.records.Event`). A record still being
written is left for the next call. Corruption, truncation and vanished files become one
warning :class:`~mlop_cli.records.Event` each, never an exception.

tensorboard, protobuf and numpy are imported lazily (on the first read), so importing this
module is cheap.
"""

from __future__ import annotations

import math
import os
import struct
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mlop_cli.records import TENSORBOARD, Event, Histogram, Param, Points, Record, Text

# Big blocks keep the per-read syscall and slicing cost negligible next to decoding.
BLOCK_SIZE = 8 * 1024 * 1024
# Past this many warnings for one file, the rest are counted, not emitted (no floods).
MAX_WARNINGS_PER_FILE = 5
# A length this large cannot be a real event; during resync it rules out candidates fast.
MAX_RECORD_LENGTH = 1 << 31

_HEADER = struct.Struct("<QI")
_UINT32 = struct.Struct("<I")
_CRC_MASK_DELTA = 0xA282EAD8

# Kinds of summary values, decided once per tag (metadata is often only on the first one).
_SCALAR_SIMPLE = 1
_SCALAR_TENSOR = 2
_HISTO_LEGACY = 3
_HISTO_TENSOR = 4
_TEXT = 5
_HPARAMS = 6
_MEDIA = 7
_SKIPPED = 8

_PLUGIN_KINDS = {
    "scalars": _SCALAR_TENSOR,
    "histograms": _HISTO_TENSOR,
    "text": _TEXT,
    "hparams": _HPARAMS,
    "images": _MEDIA,
    "audio": _MEDIA,
}

# TensorProto dtype enum -> (struct format of one element, name of the repeated *_val field).
_DTYPES: dict[int, tuple[str, str]] = {
    1: ("f", "float_val"),  # DT_FLOAT
    2: ("d", "double_val"),  # DT_DOUBLE
    3: ("i", "int_val"),  # DT_INT32
    4: ("B", "int_val"),  # DT_UINT8
    5: ("h", "int_val"),  # DT_INT16
    6: ("b", "int_val"),  # DT_INT8
    9: ("q", "int64_val"),  # DT_INT64
    10: ("?", "bool_val"),  # DT_BOOL
    14: ("H", "half_val"),  # DT_BFLOAT16 (bits, converted below)
    17: ("H", "int_val"),  # DT_UINT16
    19: ("e", "half_val"),  # DT_HALF
    22: ("I", "uint32_val"),  # DT_UINT32
    23: ("Q", "uint64_val"),  # DT_UINT64
}
_DT_BFLOAT16 = 14
_DT_HALF = 19
_DT_STRING = 7


def masked_crc32c(data: bytes | memoryview) -> int:
    """The CRC32C of ``data``, masked as TFRecord stores it."""
    import crc32c

    crc = crc32c.crc32c(data)
    return (((crc >> 15) | (crc << 17)) + _CRC_MASK_DELTA) & 0xFFFFFFFF


class EventFileReader:
    """Tails one TensorBoard event file, keeping the offset of the last complete record.

    Args:
        path: The ``events.out.tfevents.*`` file.
        prefix: Put before every tag to form metric names (e.g. ``"eval/"``); may be "".
        offset: Where to start reading (a record boundary), e.g. the size of a file that
            existed before the run began.
        clock: Wall time for mlop's own events (warnings, notes).
    """

    def __init__(
        self,
        path: Path | str,
        *,
        prefix: str = "",
        offset: int = 0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.prefix = prefix
        self.offset = offset
        self.clock = clock
        self.events_read = 0
        self.media_counts: dict[str, int] = {}
        self.corrupt_regions = 0
        self._identity: tuple[int, int] | None = None  # (device, inode) of the file read
        self._warnings = 0
        self._warned_missing = False
        self._resyncing = False
        self._kinds: dict[str, int] = {}
        self._pending: list[Record] = []
        self._file_size = -1
        self._consumed = 0  # bytes of the current buffer decoded so far

    # Reading -----------------------------------------------------------------------

    def read_new(self, *, final: bool = False) -> list[Record]:
        """Reads every complete record written since the last call.

        Args:
            final: The writer is done: bytes left after the last complete record are a
                truncated record (one warning), not a record still being written.

        Returns:
            The decoded records: one ``Points`` per metric (parallel lists, in file
            order), then histograms, text, params and events in file order.
        """
        records: list[Record] = []
        for batch in self.iter_blocks(final=final):
            records.extend(batch)
        return _merge_points(records)

    def may_have_news(self) -> bool:
        """Whether a read could return anything (a cheap stat: grown, shrunk, replaced, gone)."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return not self._warned_missing  # read once more, to report it once
        if self._identity is not None and (stat.st_dev, stat.st_ino) != self._identity:
            return True
        return stat.st_size != self.offset

    def iter_blocks(self, *, final: bool = False) -> Iterator[list[Record]]:
        """Like :meth:`read_new`, but yields the records of each block read (bounded memory).

        Each yielded list holds at most one ``Points`` per metric.
        """
        try:
            yield from self._iter_blocks(final)
        except Exception as error:  # a reader fault must not reach the run
            self._warn(
                "tensorboard.error",
                f"could not read {self.path}: {type(error).__name__}: {error}",
                offset=self.offset,
            )
            yield self._take_pending()

    def _iter_blocks(self, final: bool) -> Iterator[list[Record]]:
        handle = self._open()
        if handle is None:
            yield self._take_pending()
            return
        with handle:
            handle.seek(self.offset)
            buffer = b""
            while True:
                chunk = handle.read(BLOCK_SIZE)
                if not chunk:
                    break
                buffer = buffer[self._consumed :] + chunk if buffer else chunk
                self._consumed = 0
                records = self._decode_buffer(buffer)
                yield records
            leftover = len(buffer) - self._consumed if buffer else 0
        if final and self._file_size == 0:
            self._warn("tensorboard.empty", f"{self.path} is empty", offset=0)
        elif final and leftover and not self._resyncing:  # else part of a reported region
            self._warn(
                "tensorboard.truncated",
                f"{self.path} ends with {leftover} bytes of an incomplete record",
                offset=self.offset,
            )
        pending = self._take_pending()
        if pending:
            yield pending

    def _open(self) -> Any:
        """Opens the file, noticing replacement and shrinking; None (and a warning) if gone."""
        try:
            handle = open(self.path, "rb")  # closed by the caller's with
        except FileNotFoundError:
            if not self._warned_missing:
                self._warned_missing = True
                self._warn("tensorboard.vanished", f"{self.path} was deleted", offset=self.offset)
            return None
        except OSError as error:
            if not self._warned_missing:
                self._warned_missing = True
                self._warn(
                    "tensorboard.unreadable",
                    f"cannot read {self.path}: {error.strerror or error}",
                    offset=self.offset,
                )
            return None
        self._warned_missing = False
        stat = os.fstat(handle.fileno())
        identity = (stat.st_dev, stat.st_ino)
        replaced = self._identity is not None and identity != self._identity
        if replaced or stat.st_size < self.offset:
            what = "replaced" if replaced else f"shrank to {stat.st_size} bytes"
            self._warn(
                "tensorboard.replaced",
                f"{self.path} was {what}; reading it again from the start",
                offset=self.offset,
            )
            self.offset = 0
            self._resyncing = False
        self._identity = identity
        self._file_size = stat.st_size
        self._consumed = 0
        return handle

    def _take_pending(self) -> list[Record]:
        pending, self._pending = self._pending, []
        return pending

    # Framing ------------------------------------------------------------------------

    def _decode_buffer(self, buffer: bytes) -> list[Record]:
        """Decodes the complete records in ``buffer`` (file bytes from ``self.offset``).

        Sets ``self._consumed`` to the bytes used and advances ``self.offset`` by as much.
        """
        import crc32c
        from tensorboard.compat.proto.event_pb2 import Event as EventProto

        crc = crc32c.crc32c
        header = _HEADER.unpack_from
        uint32 = _UINT32.unpack_from
        view = memoryview(buffer)
        size = len(buffer)
        proto = EventProto()
        parse = proto.ParseFromString
        handle_event = self._handle_event
        # Scalars are appended straight into per-metric lists: the hot path.
        columns: dict[str, tuple[list[int], list[float], list[float]]] = {}
        records: list[Record] = []
        position = 0
        decoded = 0
        while position + 12 <= size:
            length, length_crc = header(buffer, position)
            value = crc(view[position : position + 8])
            if (((value >> 15) | (value << 17)) + _CRC_MASK_DELTA) & 0xFFFFFFFF != length_crc:
                position = self._resync(buffer, view, position, "length checksum mismatch")
                continue
            if length >= MAX_RECORD_LENGTH:  # checksummed, yet no event is this long (2**63)
                position = self._resync(buffer, view, position, f"record length {length}")
                continue
            start = position + 12
            end = start + length
            if end + 4 > size:
                break  # still being written (or truncated): wait for more bytes
            data = view[start:end]
            value = crc(data)
            if (((value >> 15) | (value << 17)) + _CRC_MASK_DELTA) & 0xFFFFFFFF != uint32(
                buffer, end
            )[0]:
                position = self._resync(buffer, view, position, "data checksum mismatch")
                continue
            try:
                parse(data)
            except Exception:  # protobuf's DecodeError; any garbage
                position = self._resync(buffer, view, position, "undecodable event")
                continue
            self._resyncing = False
            decoded += 1
            position = end + 4
            if proto.HasField("summary"):
                handle_event(proto, columns, records)
        self.events_read += decoded
        self.offset += position
        self._consumed = position
        prefix = self.prefix
        points: list[Record] = [
            Points(prefix + tag, TENSORBOARD, steps, times, values)
            for tag, (steps, times, values) in columns.items()
        ]
        return points + records + self._take_pending()

    def _resync(self, buffer: bytes, view: memoryview, position: int, reason: str) -> int:
        """Warns (once per corrupt region) and finds the next plausible record header.

        Returns the position of the next offset whose length and length checksum agree,
        or the position from which too few bytes remain to tell (the next read goes on).
        """
        import crc32c

        if not self._resyncing:
            self._resyncing = True
            self.corrupt_regions += 1
            self._warn(
                "tensorboard.corrupt",
                f"{self.path}: {reason} at offset {self.offset + position}; skipping to the"
                " next valid record",
                offset=self.offset + position,
            )
        crc = crc32c.crc32c
        header = _HEADER.unpack_from
        size = len(buffer)
        candidate = position + 1
        while candidate + 12 <= size:
            length, length_crc = header(buffer, candidate)
            if length < MAX_RECORD_LENGTH:
                value = crc(view[candidate : candidate + 8])
                if (((value >> 15) | (value << 17)) + _CRC_MASK_DELTA) & 0xFFFFFFFF == length_crc:
                    return candidate
            candidate += 1
        return candidate

    # Decoding -----------------------------------------------------------------------

    def _handle_event(
        self,
        proto: Any,
        columns: dict[str, tuple[list[int], list[float], list[float]]],
        records: list[Record],
    ) -> None:
        step = proto.step
        wall_time = proto.wall_time
        kinds = self._kinds
        for value in proto.summary.value:
            tag = value.tag
            kind = kinds.get(tag)
            if kind is None:
                kind = self._classify(tag, value)
            if kind == _SCALAR_TENSOR:
                number = _tensor_scalar(value.tensor)
            elif kind == _SCALAR_SIMPLE:
                number = value.simple_value
            else:
                self._handle_other(kind, tag, step, wall_time, value, records)
                continue
            if number is None:
                continue
            column = columns.get(tag)
            if column is None:
                column = columns[tag] = ([], [], [])
            column[0].append(step)
            column[1].append(wall_time)
            column[2].append(number)

    def _classify(self, tag: str, value: Any) -> int:
        """Decides (and remembers) how to decode the values of ``tag``."""
        which = value.WhichOneof("value")
        plugin = value.metadata.plugin_data.plugin_name if value.HasField("metadata") else ""
        if which is None and plugin in _PLUGIN_KINDS:
            # torch's add_hparams writes its session info as metadata with no value at all.
            kind = _PLUGIN_KINDS[plugin]
        elif which == "simple_value":
            kind = _SCALAR_SIMPLE
        elif which == "histo":
            kind = _HISTO_LEGACY
        elif which in ("image", "audio"):
            kind = _MEDIA
        elif which == "tensor":
            kind = _PLUGIN_KINDS.get(plugin, 0)
            if not kind:
                if plugin:
                    kind = _SKIPPED
                elif not value.tensor.tensor_shape.dim and value.tensor.dtype in _DTYPES:
                    kind = _SCALAR_TENSOR  # TF2 writes the metadata on the first value only
                else:
                    kind = self._kinds.get(tag, _SKIPPED)
        else:
            kind = _SKIPPED
        previous = self._kinds.get(tag)
        self._kinds[tag] = kind
        if previous is None and kind == _SKIPPED:
            self._note(
                "tensorboard.skipped",
                f"TensorBoard tag {tag!r} ({plugin or which or 'empty'}) is not decoded",
                tag=tag,
                plugin=plugin or which,
            )
        return kind

    def _handle_other(
        self, kind: int, tag: str, step: int, wall_time: float, value: Any, records: list[Record]
    ) -> None:
        metric = self.prefix + tag
        if kind == _HISTO_TENSOR:
            histogram = _tensor_histogram(metric, step, wall_time, value.tensor)
            if histogram is not None:
                records.append(histogram)
        elif kind == _HISTO_LEGACY:
            histogram = _legacy_histogram(metric, step, wall_time, value.histo)
            if histogram is not None:
                records.append(histogram)
        elif kind == _TEXT:
            text = _tensor_text(value.tensor)
            if text is not None:
                records.append(Text(metric, step, wall_time, text))
        elif kind == _HPARAMS:
            records.extend(self._hparams(value.metadata.plugin_data.content))
        elif kind == _MEDIA:
            count = self.media_counts.get(tag, 0)
            self.media_counts[tag] = count + 1
            if not count:
                which = value.WhichOneof("value")
                plugin = value.metadata.plugin_data.plugin_name or which
                self._note(
                    "tensorboard.media",
                    f"TensorBoard {plugin} tag {tag!r} is counted, not stored",
                    tag=tag,
                    plugin=plugin,
                )

    def _hparams(self, content: bytes) -> list[Record]:
        from tensorboard.plugins.hparams import plugin_data_pb2

        data = plugin_data_pb2.HParamsPluginData()
        try:
            data.ParseFromString(content)
        except Exception:  # protobuf's DecodeError
            self._warn("tensorboard.hparams", f"{self.path}: undecodable hparams", offset=None)
            return []
        which = data.WhichOneof("data")
        if which == "session_start_info":
            return [
                Param(key, _hparam_value(value), TENSORBOARD)
                for key, value in sorted(data.session_start_info.hparams.items())
            ]
        if which == "experiment":
            metrics = [
                "/".join(part for part in (info.name.group, info.name.tag) if part)
                for info in data.experiment.metric_infos
            ]
            hparams = [info.name for info in data.experiment.hparam_infos]
            self._note(
                "tensorboard.hparams_config",
                "TensorBoard hparams experiment: metrics " + (", ".join(metrics) or "none"),
                metrics=metrics,
                hparams=hparams,
            )
        return []

    # Notes --------------------------------------------------------------------------

    def _warn(self, kind: str, message: str, *, offset: int | None) -> None:
        self._warnings += 1
        if self._warnings > MAX_WARNINGS_PER_FILE + 1:
            return
        if self._warnings == MAX_WARNINGS_PER_FILE + 1:
            kind = "tensorboard.warnings_suppressed"
            message = f"{self.path}: further warnings about this file are suppressed"
        data: dict[str, Any] = {"path": str(self.path)}
        if offset is not None:
            data["offset"] = offset
        self._pending.append(Event(self.clock(), "warning", kind, message, data))

    def _note(self, kind: str, message: str, **data: Any) -> None:
        data["path"] = str(self.path)
        self._pending.append(Event(self.clock(), "info", kind, message, data))


# Value decoders (pure functions) ---------------------------------------------------------


def _tensor_values(tensor: Any) -> list[Any] | None:
    """The flat values of a numeric TensorProto, or None for an unsupported dtype."""
    dtype = tensor.dtype
    spec = _DTYPES.get(dtype)
    if spec is None:
        return None
    fmt, field = spec
    content = tensor.tensor_content
    if content:
        count = len(content) // struct.calcsize(fmt)
        values = list(struct.unpack(f"<{count}{fmt}", content[: count * struct.calcsize(fmt)]))
    else:
        values = list(getattr(tensor, field))
        if dtype == _DT_HALF:  # half_val holds the 16 bits of each float16
            values = [struct.unpack("<e", struct.pack("<H", bits))[0] for bits in values]
            return values
    if dtype == _DT_BFLOAT16:  # bfloat16 is the top half of a float32
        values = [struct.unpack("<f", struct.pack("<I", int(bits) << 16))[0] for bits in values]
    return values


def _tensor_scalar(tensor: Any) -> float | None:
    """The single number of a scalar tensor (fast path for the common float32)."""
    if tensor.dtype == 1:
        values = tensor.float_val
        if len(values) == 1:
            return values[0]
    values = _tensor_values(tensor)
    if not values or len(values) != 1:
        return None
    return float(values[0])


def _tensor_histogram(metric: str, step: int, wall_time: float, tensor: Any) -> Histogram | None:
    """A TF2 histogram: a ``[k, 3]`` tensor of (left edge, right edge, count) rows."""
    values = _tensor_values(tensor)
    if not values or len(values) % 3:
        return None
    lefts = values[0::3]
    rights = values[1::3]
    counts = [float(count) for count in values[2::3]]
    nonzero = [index for index, count in enumerate(counts) if count]
    if not nonzero:
        return Histogram(metric, TENSORBOARD, step, wall_time, [lefts[0], rights[-1]], [0.0])
    first, last = nonzero[0], nonzero[-1]
    edges = [float(lefts[first])] + [float(right) for right in rights[first : last + 1]]
    return Histogram(metric, TENSORBOARD, step, wall_time, edges, counts[first : last + 1])


def _legacy_histogram(metric: str, step: int, wall_time: float, histo: Any) -> Histogram | None:
    """A HistogramProto: bucket i spans (bucket_limit[i-1], bucket_limit[i]]."""
    limits = list(histo.bucket_limit)
    counts = list(histo.bucket)
    if len(limits) != len(counts):
        return None
    nonzero = [index for index, count in enumerate(counts) if count]
    if not nonzero:
        return Histogram(metric, TENSORBOARD, step, wall_time, [histo.min, histo.max], [0.0])
    first, last = nonzero[0], nonzero[-1]
    # The outer limits are often +-DBL_MAX; min and max are the true extent of the data.
    edges = [histo.min] + limits[first : last + 1]
    edges[-1] = min(edges[-1], histo.max) if math.isfinite(histo.max) else edges[-1]
    edges[-1] = max(edges[-1], edges[0])
    return Histogram(metric, TENSORBOARD, step, wall_time, edges, counts[first : last + 1])


def _tensor_text(tensor: Any) -> str | None:
    if tensor.dtype != _DT_STRING:
        return None
    return "\n".join(item.decode("utf-8", "replace") for item in tensor.string_val)


def _hparam_value(value: Any) -> Any:
    """A google.protobuf.Value as a bool, float, str or None."""
    which = value.WhichOneof("kind")
    if which == "number_value":
        return value.number_value
    if which == "string_value":
        return value.string_value
    if which == "bool_value":
        return value.bool_value
    return None


def _merge_points(records: list[Record]) -> list[Record]:
    """Joins the Points of one metric from several blocks, so each metric appears once."""
    merged: dict[str, Points] = {}
    others: list[Record] = []
    for record in records:
        if isinstance(record, Points):
            existing = merged.get(record.metric)
            if existing is None:
                merged[record.metric] = record
            else:
                existing.steps.extend(record.steps)
                existing.times.extend(record.times)
                existing.values.extend(record.values)
        else:
            others.append(record)
    return [*merged.values(), *others]
