"""Only regular files are read, and only regular files (or new paths) are written.

Each case is made in a temporary folder: a FIFO (reading it would wait for
ever), a symlink to /dev/zero (it never ends), a socket, a symlink out of the
imported folder; and for exports, a device node, a FIFO and a folder as the
destination. None of them may hang, read a byte, or replace the node.
"""

from __future__ import annotations

import json
import os
import socket
import stat
from types import SimpleNamespace

import pytest

from claimdesk.cli import main
from claimdesk.library import import_paths
from claimdesk.sources.errors import SourceError
from claimdesk.sources.safe_open import max_file_bytes, read_regular_file
from claimdesk.store.db import Store

BRIEF = "Harbour Fees\n\nMara Lind\n\nMay 2021\n\nFees rose by 12% in 2020. Café owners protested.\n"


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


def one_error_line(err: str) -> bool:
    return err.startswith("claimdesk: error: ") and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def make(kind: str, path):
    """A file of that kind at path; returns the words its refusal names."""
    if kind == "fifo":
        os.mkfifo(path)
        return "a FIFO"
    if kind == "zero":
        path.symlink_to("/dev/zero")
        return "a character device"
    if kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        make.sockets.append(server)
        return "a socket"
    if kind == "dangling":
        path.symlink_to(path.parent / "nowhere.txt")
        return "no such file"
    raise AssertionError(kind)


make.sockets = []


@pytest.fixture(autouse=True)
def _close_sockets():
    yield
    for server in make.sockets:
        server.close()
    make.sockets.clear()


@pytest.mark.parametrize("kind", ["fifo", "zero", "socket", "dangling"])
def test_a_named_file_that_is_not_regular_is_refused_in_one_line(tmp_path, kind, capsys):
    path = tmp_path / "report.txt"
    words = make(kind, path)
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), "import", str(path))
    assert code == 1 and one_error_line(err) and words in err, err
    with Store(tmp_path / "s.db") as store:
        assert store.db.execute("SELECT count(*) FROM reports").fetchone()[0] == 0


def test_inside_a_folder_odd_files_are_skipped_with_a_warning_and_the_rest_imported(tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "harbour-fees.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "again.txt").symlink_to("harbour-fees.txt")  # inside the folder: followed
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret Title\n\nNot for import. It lies outside the folder.\n", encoding="utf-8")
    (folder / "secret.txt").symlink_to(outside)
    expected = {"fifo.txt": make("fifo", folder / "fifo.txt"), "zero.md": make("zero", folder / "zero.md"),
                "socket.html": make("socket", folder / "socket.html"), "secret.txt": "outside the folder"}
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), "import", str(folder), "--json")
    assert code == 0, err
    for name, words in expected.items():
        line = next(line for line in err.splitlines() if name in line)
        assert line.startswith("claimdesk: warning: skipped") and words in line
    imported = json.loads(out)
    assert {item["path"] for item in imported} == {str(folder / "harbour-fees.txt"), str(folder / "again.txt")}
    with Store(tmp_path / "s.db") as store:
        texts = [row[0] for row in store.db.execute("SELECT text FROM revisions")]
    assert not any("Not for import" in text for text in texts)


def test_the_size_cap_is_checked_before_reading(tmp_path, capsys, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text(BRIEF + "x" * (2 * 1024 * 1024), encoding="utf-8")
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), "import", "--max-size", "1", str(path))
    assert code == 1 and one_error_line(err) and "the limit is 1.0 MB" in err
    monkeypatch.setenv("CLAIMDESK_MAX_FILE_MB", "1")
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), "import", str(path))
    assert code == 1 and "the limit is 1.0 MB" in err
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), "import", "--max-size", "3", str(path))
    assert code == 0, err


def test_the_cap_has_a_default_and_refuses_nonsense(monkeypatch):
    monkeypatch.delenv("CLAIMDESK_MAX_FILE_MB", raising=False)
    assert max_file_bytes() == 200 * 1024 * 1024
    monkeypatch.setenv("CLAIMDESK_MAX_FILE_MB", "lots")
    with pytest.raises(SourceError, match="whole number of megabytes"):
        max_file_bytes()


def test_a_file_that_grows_past_the_cap_while_read_is_refused(tmp_path, monkeypatch):
    from claimdesk.sources import safe_open

    path = tmp_path / "growing.txt"
    path.write_text("x" * 100, encoding="utf-8")
    # The check saw an empty file; by the time it is read it holds 100 bytes.
    monkeypatch.setattr(safe_open, "check_regular_file", lambda p, within=None: SimpleNamespace(st_size=0))
    with pytest.raises(SourceError, match="grew past the limit"):
        read_regular_file(path, max_bytes=10)


def test_annotation_import_reads_only_a_regular_file(tmp_path, capsys):
    fifo = tmp_path / "annotations.jsonld"
    os.mkfifo(fifo)
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), "import-annotations", str(fifo))
    assert code == 1 and one_error_line(err) and "a FIFO" in err
    zero = tmp_path / "zero.jsonld"
    zero.symlink_to("/dev/zero")
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), "import-annotations", str(zero))
    assert code == 1 and one_error_line(err) and "a character device" in err
    big = tmp_path / "big.jsonld"
    big.write_text("[" + " " * (2 * 1024 * 1024) + "]", encoding="utf-8")
    code, out, err = run_cli(capsys, "--db", str(tmp_path / "s.db"), "import-annotations", "--max-size", "1", str(big))
    assert code == 1 and "the limit is 1.0 MB" in err


# Export destinations -----------------------------------------------------------------------

@pytest.fixture
def store_with_claim(tmp_path):
    path = tmp_path / "harbour-fees.txt"
    path.write_text(BRIEF, encoding="utf-8")
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        import_paths(store, [path])
    return db


def _device(path) -> bool:
    """A character device like /dev/null at path (root only); False if it cannot be made."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        return False
    return True


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
@pytest.mark.parametrize("option", ["--markdown", "--html", "--sqlite", "--claimreview", "--annotations", "--csl"])
def test_an_export_refuses_a_destination_that_is_no_regular_file(store_with_claim, tmp_path, kind, option, capsys):
    target = tmp_path / "out"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        if not _device(target):
            pytest.skip("cannot make a device node here (not root)")
    else:
        target.mkdir()
    before = os.lstat(target)
    code, out, err = run_cli(capsys, "--db", store_with_claim, "export", option, str(target))
    assert code == 1 and one_error_line(err) and "not a regular file" in err, err
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (before.st_mode, before.st_ino, before.st_rdev)  # the node itself is untouched
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".part")]


def test_a_bad_destination_stops_the_export_before_any_file_is_written(store_with_claim, tmp_path, capsys):
    os.mkfifo(tmp_path / "fifo")
    code, out, err = run_cli(capsys, "--db", store_with_claim, "export", "--markdown", str(tmp_path / "register.md"),
                             "--csl", str(tmp_path / "fifo"))
    assert code == 1 and "not a regular file" in err
    assert not (tmp_path / "register.md").exists()


def test_an_export_still_replaces_a_regular_file_and_writes_a_new_one(store_with_claim, tmp_path, capsys):
    old = tmp_path / "register.md"
    old.write_text("old", encoding="utf-8")
    code, out, err = run_cli(capsys, "--db", store_with_claim, "export", "--markdown", str(old), "--html", str(tmp_path / "new.html"))
    assert code == 0, err
    assert old.read_text(encoding="utf-8").startswith("# Claim register")
    assert (tmp_path / "new.html").is_file()


def test_an_export_through_a_symlink_writes_the_file_and_keeps_the_link(store_with_claim, tmp_path, capsys):
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, out, err = run_cli(capsys, "--db", store_with_claim, "export", "--markdown", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("# Claim register")
