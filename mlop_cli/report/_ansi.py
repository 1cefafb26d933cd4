"""Console text with ANSI escape sequences to escaped HTML.

SGR sequences (``ESC [ ... m``: colours, bold, italic, underline) become ``<span>``
elements with classes (16 colours) or inline colours computed from numbers (256 colours and
24-bit colour); every other escape sequence and control character is dropped. All text is
HTML-escaped, so console output can never inject markup.
"""

from __future__ import annotations

import html
import re

# CSI (ESC [ params intermediates final), OSC (ESC ] ... BEL or ESC \), other ESC x pairs.
_ESCAPE = re.compile(
    r"\x1b\[([0-?]*)[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _palette_256(index: int) -> str:
    """Return the CSS colour of xterm 256-colour ``index`` (16..255; 0..15 use classes)."""
    if index < 232:
        index -= 16
        levels = [0, 95, 135, 175, 215, 255]
        red, green, blue = levels[index // 36], levels[(index // 6) % 6], levels[index % 6]
    else:
        red = green = blue = 8 + (index - 232) * 10
    return f"#{red:02x}{green:02x}{blue:02x}"


class _Style:
    """The SGR state: what the next text run looks like."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.bold = self.dim = self.italic = self.underline = self.inverse = False
        self.foreground: str | int | None = None  # int: class index 0..15; str: CSS colour
        self.background: str | int | None = None

    def apply(self, parameters: str) -> None:
        codes = [int(part) if part.isdigit() else 0 for part in parameters.split(";")]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                self.reset()
            elif code == 1:
                self.bold = True
            elif code == 2:
                self.dim = True
            elif code == 3:
                self.italic = True
            elif code == 4:
                self.underline = True
            elif code == 7:
                self.inverse = True
            elif code == 22:
                self.bold = self.dim = False
            elif code == 23:
                self.italic = False
            elif code == 24:
                self.underline = False
            elif code == 27:
                self.inverse = False
            elif 30 <= code <= 37:
                self.foreground = code - 30
            elif 90 <= code <= 97:
                self.foreground = code - 90 + 8
            elif code == 39:
                self.foreground = None
            elif 40 <= code <= 47:
                self.background = code - 40
            elif 100 <= code <= 107:
                self.background = code - 100 + 8
            elif code == 49:
                self.background = None
            elif code in (38, 48):
                colour, used = _extended_colour(codes[i + 1 :])
                i += used
                if code == 38:
                    self.foreground = colour
                else:
                    self.background = colour
            i += 1

    def open_tag(self) -> str:
        classes = []
        styles = []
        foreground, background = self.foreground, self.background
        if self.inverse:
            foreground, background = background, foreground
            if foreground is None:
                foreground = "inverse-fg"
            if background is None:
                background = "inverse-bg"
        for flag, name in (
            (self.bold, "b"),
            (self.dim, "d"),
            (self.italic, "i"),
            (self.underline, "u"),
        ):
            if flag:
                classes.append(f"ansi-{name}")
        for colour, kind, prop in ((foreground, "fg", "color"), (background, "bg", "background")):
            if isinstance(colour, int):
                classes.append(f"ansi-{kind}{colour}")
            elif colour in ("inverse-fg", "inverse-bg"):
                classes.append(f"ansi-{colour}")
            elif colour is not None:
                styles.append(f"{prop}:{colour}")
        if not classes and not styles:
            return ""
        attributes = f' class="{" ".join(classes)}"' if classes else ""
        if styles:
            attributes += f' style="{";".join(styles)}"'
        return f"<span{attributes}>"


def _extended_colour(codes: list[int]) -> tuple[int | str | None, int]:
    """Parse ``5;n`` or ``2;r;g;b`` after 38/48; return (colour, number of codes used)."""
    if len(codes) >= 2 and codes[0] == 5:
        index = max(0, min(255, codes[1]))
        return (index if index < 16 else _palette_256(index)), 2
    if len(codes) >= 4 and codes[0] == 2:
        red, green, blue = (max(0, min(255, part)) for part in codes[1:4])
        return f"#{red:02x}{green:02x}{blue:02x}", 4
    return None, len(codes)


def _resolve_carriage_returns(text: str) -> str:
    """Keep what a terminal would show of each line redrawn with ``\\r`` (progress bars)."""
    lines = text.replace("\r\n", "\n").split("\n")
    return "\n".join(line.rsplit("\r", 1)[-1] if "\r" in line else line for line in lines)


def ansi_to_html(data: bytes | str) -> str:
    """Convert console output to HTML: SGR codes to spans, other escapes dropped, text escaped.

    Args:
        data: Raw console bytes (decoded as UTF-8, invalid bytes replaced) or text.

    Returns:
        HTML for the inside of a ``<pre>`` element.
    """
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
    text = _resolve_carriage_returns(text)
    style = _Style()
    out: list[str] = []
    open_span = ""
    position = 0

    def emit(chunk: str) -> None:
        chunk = _CONTROL.sub("", chunk)
        if chunk:
            out.append(html.escape(chunk, quote=False))

    for match in _ESCAPE.finditer(text):
        emit(text[position : match.start()])
        position = match.end()
        sequence = match.group(0)
        if match.group(1) is not None and sequence.endswith("m") and sequence[1] == "[":
            style.apply(match.group(1))
            tag = style.open_tag()
            if tag != open_span:
                if open_span:
                    out.append("</span>")
                if tag:
                    out.append(tag)
                open_span = tag
    emit(text[position:])
    if open_span:
        out.append("</span>")
    return "".join(out)
