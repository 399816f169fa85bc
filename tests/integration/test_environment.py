"""environment.yml (conda/Binder) agrees with pyproject.toml, and Binder's builder accepts the repository."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.support import ROOT

# conda-forge names that differ from the PyPI names used in pyproject.toml
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}
NOT_PYPI = {"python", "pip"}


def _pyproject_runtime() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = {}
    for spec in project["dependencies"]:
        name, bound = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", spec).groups()
        deps[name.lower()] = bound.replace(" ", "")
    return deps


def _environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def _conda_specs() -> dict[str, str]:
    specs = {}
    for dep in _environment()["dependencies"]:
        if isinstance(dep, str):
            name, bound = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", dep).groups()
            specs[CONDA_TO_PYPI.get(name, name).lower()] = bound.replace(" ", "")
    return specs


def test_environment_uses_conda_forge_only():
    assert _environment()["channels"] == ["conda-forge"]


def test_same_runtime_dependencies_and_lower_bounds():
    conda = {k: v for k, v in _conda_specs().items() if k not in NOT_PYPI}
    assert conda == _pyproject_runtime()


def test_python_version_is_supported_by_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    minimum = project["requires-python"].removeprefix(">=")
    assert _conda_specs()["python"].lstrip("=") >= minimum


def test_environment_installs_the_helpers_package():
    pip = [d for d in _environment()["dependencies"] if isinstance(d, dict)]
    assert pip == [{"pip": ["-e ."]}]


def test_every_spec_is_a_valid_conda_match_spec():
    import rattler  # py-rattler, part of the test extra: a missing parser fails rather than skips
    from rattler.exceptions import InvalidMatchSpecError

    specs = [dep for dep in _environment()["dependencies"] if isinstance(dep, str)]
    assert specs, "environment.yml lists no conda packages"
    for dep in specs:
        rattler.MatchSpec(dep)  # raises on a malformed spec
    with pytest.raises(InvalidMatchSpecError):  # the parser does refuse a bad spec
        rattler.MatchSpec("numpy >>= 1")


def test_binder_dry_run_builds_the_environment_with_the_repository(tmp_path):
    repo2docker = Path(sys.executable).with_name("repo2docker")
    result = subprocess.run([str(repo2docker), "--no-build", "--debug", str(ROOT)], capture_output=True,
                            text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    dockerfile = result.stdout + result.stderr
    staged = dockerfile.find("${REPO_DIR}/")
    env_update = dockerfile.find('env update -p ${NB_PYTHON_PREFIX} --file "environment.yml"')
    assert 0 <= staged < env_update, "the whole repository must be in the image before `pip install -e .`"


# --- constraints.txt: the exact versions make lab / make test install ---------------------------------
def _lock() -> dict[str, str]:
    """{normalised name: version} from constraints.txt; every non-comment line must be ``name==version``."""
    pins = {}
    for number, line in enumerate((ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([A-Za-z0-9_.+!\-]+)", line.strip())
        assert match, f"constraints.txt line {number}: expected name==version, got {line!r}"
        pins[canonicalize_name(match[1])] = match[2]
    return pins


def _direct_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = [Requirement(s) for s in project["dependencies"] + project["optional-dependencies"]["test"]]
    # an extra that names the course itself (the test extra includes the site extra): its requirements
    own = canonicalize_name(project["name"])
    return [r for spec in specs for r in ([Requirement(s) for extra in sorted(spec.extras)
                                           for s in project["optional-dependencies"][extra]]
                                          if canonicalize_name(spec.name) == own else [spec])]


def test_lock_pins_every_direct_dependency_within_its_range():
    pins = _lock()
    assert len(pins) > len(_direct_requirements())  # the transitive dependencies are pinned too
    for requirement in _direct_requirements():
        pinned = pins.get(canonicalize_name(requirement.name))
        assert pinned is not None, f"{requirement.name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pinned, prereleases=True), \
            f"constraints.txt pins {requirement.name}=={pinned}, outside pyproject.toml's {requirement}"


def test_this_environment_was_installed_from_the_lock():
    """The tests (and the notebook outputs nbval compares) ran against the locked versions."""
    pins = _lock()
    installed = {}
    for name in pins:
        try:
            installed[name] = version(name)
        except PackageNotFoundError:  # a dependency of another platform only
            continue
    differs = {name: (pins[name], got) for name, got in installed.items() if got != pins[name]}
    assert not differs, f"installed versions differ from constraints.txt (pinned, installed): {differs}"
