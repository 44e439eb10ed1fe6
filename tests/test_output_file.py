"""`output_file`: how every command writes the file the user named, whatever is at that path."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from annotations import durable
from annotations.durable import TMP_MARK, output_file, write_output


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_output(tmp_path / "new.jsonl", b"data\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.jsonl").stat().st_mode) == 0o640


def test_a_regular_file_is_replaced_keeping_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"old\n")
    target.chmod(0o604)
    write_output(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert list(tmp_path.iterdir()) == [target]


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    write_output(link, b"new\n")
    assert link.is_symlink() and real.read_bytes() == b"new\n"


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "later.jsonl")
    write_output(link, b"new\n")
    assert link.is_symlink() and (tmp_path / "later.jsonl").read_bytes() == b"new\n"


def test_a_fifo_is_streamed_to_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b"streamed\n")
    reader.join(5)
    assert got == [b"streamed\n"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_an_open_descriptor_is_written_to_not_replaced(tmp_path: Path) -> None:
    """`-o >(cmd)` names /dev/fd/N; `-o /dev/stdout` a link to /proc/self/fd/1."""
    read_end, write_end = os.pipe()
    try:
        write_output(f"/dev/fd/{write_end}", b"piped\n")
    finally:
        os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        assert pipe.read() == b"piped\n"


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device of our own (1, `minor`: 3 is null, 7 is full); needs root."""
    path = tmp_path / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


def test_a_character_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    null = _device(tmp_path, "null", 3)
    write_output(null, b"gone\n")
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_full_device_is_an_error(tmp_path: Path) -> None:
    full = _device(tmp_path, "full", 7)
    with pytest.raises(OSError) as caught:
        write_output(full, b"x" * 100_000)
    assert caught.value.errno == errno.ENOSPC
    assert stat.S_ISCHR(os.lstat(full).st_mode)


@pytest.mark.parametrize(
    ("name", "code"), [("folder", errno.EISDIR), ("missing/out.jsonl", errno.ENOENT)]
)
def test_a_folder_or_a_missing_folder_is_an_error(tmp_path: Path, name: str, code: int) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(OSError) as caught, output_file(tmp_path / name):
        pytest.fail("nothing may be written")
    assert caught.value.errno == code
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_a_read_only_file_is_left_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "kept.jsonl"
    target.write_bytes(b"keep\n")
    target.chmod(0o444)
    with pytest.raises(PermissionError):
        write_output(target, b"new\n")
    assert target.read_bytes() == b"keep\n"


def test_a_full_disk_leaves_the_target_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"keep\n")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(durable, "sync", full)
    with pytest.raises(OSError):
        write_output(target, b"new\n")
    assert target.read_bytes() == b"keep\n"
    assert list(tmp_path.iterdir()) == [target]


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt), output_file(target) as out:
        out.write(b"half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_stale_temporary_files_of_a_killed_write_go_at_the_next(tmp_path: Path) -> None:
    stale = tmp_path / f".out.jsonl{TMP_MARK}99999"
    stale.write_bytes(b"half")
    write_output(tmp_path / "out.jsonl", b"new\n")
    assert not stale.exists()
