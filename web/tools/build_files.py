"""What the build's tools (web/tools/*.py) share when they write a generated file."""


def write_if_changed(path: str, text: str) -> None:
    """Writes text (UTF-8, '\\n' line ends) to path unless the file already holds exactly it, so
    that a build tool run again leaves the file's time alone and nothing after it rebuilds."""
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
