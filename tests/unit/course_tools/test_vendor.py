"""course_tools.vendor: the decks' JavaScript from npm, with a stand-in npm (no network needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from course_tools.vendor import OFFLINE, VENDOR_DIR, install_vendor, make_shareable


def test_install_vendor_without_npm_names_the_argument(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="npm"):
        install_vendor(tmp_path, npm="no-such-npm-executable")


def _fake_npm(tmp_path: Path, exit_code: int) -> str:
    """A stand-in for npm that records its arguments and lays out a minimal node_modules."""
    script = tmp_path / f"fake-npm-{exit_code}"
    script.write_text(
        "#!/bin/sh\n"
        'echo "$@" >> "$(dirname "$0")/npm-calls.txt"\n'
        "mkdir -p node_modules/reveal.js/dist node_modules/mathjax/unpacked node_modules/mathjax/config\n"
        "touch node_modules/reveal.js/dist/reveal.js node_modules/mathjax/MathJax.js\n"
        f"echo 'npm says {exit_code}' >&2\nexit {exit_code}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_install_vendor_installs_once_prunes_and_is_atomic(tmp_path: Path) -> None:
    out = tmp_path / "slides"
    vendor = install_vendor(out, npm=_fake_npm(tmp_path, 0))
    assert vendor == out / "vendor"
    assert (vendor / "node_modules/reveal.js/dist/reveal.js").is_file()
    assert (vendor / "node_modules/mathjax/MathJax.js").is_file()
    assert not (vendor / "node_modules/mathjax/unpacked").exists()      # pruned
    assert (vendor / "package-lock.json").read_bytes() == \
        (VENDOR_DIR / "package-lock.json").read_bytes()
    calls = (tmp_path / "npm-calls.txt").read_text(encoding="utf-8").splitlines()
    assert len(calls) == 1 and calls[0].startswith("ci ") and "--ignore-scripts" in calls[0]
    install_vendor(out, npm="no-such-npm-executable")                   # up to date: npm not needed
    assert [p.name for p in out.iterdir()] == ["vendor"]                 # no staging folder left


def test_install_vendor_failure_leaves_no_partial_copy(tmp_path: Path) -> None:
    out = tmp_path / "slides"
    with pytest.raises(RuntimeError, match="npm says 1"):
        install_vendor(out, npm=_fake_npm(tmp_path, 1))
    assert list(out.iterdir()) == []


def test_vendor_folder_is_shareable_whatever_the_staging_mode(tmp_path: Path) -> None:
    """Directories 0755 and files 0644, although the staging folder is made with mode 0700."""
    vendor = install_vendor(tmp_path / "slides", npm=_fake_npm(tmp_path, 0))
    modes = {p.relative_to(vendor).as_posix(): p.stat().st_mode & 0o777 for p in [vendor, *vendor.rglob("*")]}
    assert modes["."] == 0o755
    assert {m for name, m in modes.items() if (vendor / name).is_dir()} == {0o755}
    assert {m for name, m in modes.items() if (vendor / name).is_file()} == {0o644}


def test_make_shareable_fixes_private_modes(tmp_path: Path) -> None:
    folder = tmp_path / "private"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.js").write_text("x", encoding="utf-8")
    (folder / "sub" / "a.js").chmod(0o600)
    folder.chmod(0o700)
    make_shareable(folder)
    assert folder.stat().st_mode & 0o777 == 0o755
    assert (folder / "sub" / "a.js").stat().st_mode & 0o777 == 0o644


def _npm_script(path: Path, body: str) -> str:
    """A stand-in npm: the shell script ``body``, made executable at ``path``."""
    path.write_text(f"#!/bin/sh\n{body}", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def test_offline_npm_failure_is_one_plain_sentence(tmp_path: Path) -> None:
    script = _npm_script(tmp_path / "offline-npm",
                         "echo 'npm error code ENOTFOUND' >&2\necho 'npm error network request to "
                         "https://registry.npmjs.org/reveal.js failed' >&2\n"
                         "echo '    at /usr/share/nodejs/npm/lib/deleted/folder.js:12:3' >&2\nexit 1\n")
    with pytest.raises(RuntimeError) as err:
        install_vendor(tmp_path / "slides", npm=script)
    assert str(err.value) == OFFLINE
    assert "about 25 MB" in OFFLINE and "make slides" in OFFLINE


def test_site_vendor_installs_mathjax_3_and_prunes_what_the_site_never_loads(tmp_path: Path) -> None:
    from course_tools.vendor import SITE

    es5 = "node_modules/mathjax/es5"
    script = _npm_script(tmp_path / "fake-npm-site", f"mkdir -p {es5}/output/svg {es5}/output/chtml\n"
                         f"touch {es5}/tex-mml-chtml.js {es5}/tex-svg.js\n")
    vendor = install_vendor(tmp_path / "site-vendor", npm=script, packages=SITE)
    es5 = vendor / es5
    assert (es5 / "tex-mml-chtml.js").is_file() and (es5 / "output/chtml").is_dir()
    assert not (es5 / "tex-svg.js").exists() and not (es5 / "output/svg").exists()
    assert (vendor / "package-lock.json").read_bytes() == (SITE.folder / "package-lock.json").read_bytes()
