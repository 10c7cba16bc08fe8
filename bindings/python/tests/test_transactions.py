"""Transactions held open from Python, and sharing a register between threads."""

from __future__ import annotations

import gc
import os
import threading
import time
from typing import Any

import pytest
from conftest import bsn, klantcontact, medewerker, persoon

import klantinteracties as ki


def test_a_block_that_ends_normally_commits(register: ki.Register) -> None:
    with register.transactie() as tx:
        a = tx.registreer_partij(persoon(bsn(1)))
        # Reads inside the transaction see its own writes.
        assert tx.vraag_partij_op(a["uuid"]) == a
        assert tx.zoek_partij()["count"] == 1
        assert tx.open
    assert not tx.open
    assert register.vraag_partij_op(a["uuid"]) == a
    assert register.lengte() == (2, 1)  # partij + identificator, one transaction


def test_a_block_that_raises_rolls_back(register: ki.Register) -> None:
    kept = register.registreer_partij(persoon(bsn(0)))
    with pytest.raises(KeyError):
        with register.transactie() as tx:
            tx.registreer_partij(persoon(bsn(1)))
            tx.wijzig_partij_deels(kept["uuid"], {"indicatieActief": False})
            tx.verwijder_partij(kept["uuid"])
            raise KeyError("afgebroken")
    assert register.zoek_partij()["count"] == 1
    assert register.vraag_partij_op(kept["uuid"]) == kept
    assert register.lengte() == (2, 1)


def test_a_failed_call_inside_undoes_only_itself(register: ki.Register) -> None:
    with register.transactie() as tx:
        tx.registreer_partij(persoon("111222333"))
        with pytest.raises(ki.Conflict):
            tx.registreer_partij(persoon("111222333"))
        with pytest.raises(ki.ValidationError):
            tx.registreer_partij({"soortPartij": "persoon"})
        tx.registreer_partij(persoon(bsn(5)))
    assert register.zoek_partij()["count"] == 2


def test_explicit_commit_and_rollback(register: ki.Register) -> None:
    tx = register.transactie()
    tx.registreer_partij(persoon(bsn(1)))
    tx.rollback()
    assert register.zoek_partij()["count"] == 0
    tx = register.transactie()
    tx.registreer_partij(persoon(bsn(1)))
    tx.commit()
    assert register.zoek_partij()["count"] == 1
    with pytest.raises(ki.TransactionError):
        tx.registreer_partij(persoon(bsn(2)))
    with pytest.raises(ki.TransactionError):
        tx.commit()


def test_the_register_refuses_at_commit_and_keeps_nothing(register: ki.Register) -> None:
    # A bare klantcontact may exist inside a transaction while its actor and betrokkene are
    # added, but not at commit (standaard profile, KC-01).
    actor = register.registreer_actor(medewerker())
    with pytest.raises(ki.ValidationError) as caught:
        with register.transactie() as tx:
            kc = tx.registreer_klantcontact_los(klantcontact())
            tx.koppel_actor_aan_klantcontact(
                {"actor": {"uuid": actor["uuid"]}, "klantcontact": {"uuid": kc["uuid"]}}
            )
    assert caught.value.invalid_params
    assert register.zoek_klantcontact()["count"] == 0
    assert register.zoek_actor_klantcontact()["count"] == 0


def test_a_transaction_built_up_call_by_call_commits_when_complete(register: ki.Register) -> None:
    actor = register.registreer_actor(medewerker())
    with register.transactie() as tx:
        kc = tx.registreer_klantcontact_los(klantcontact())
        tx.koppel_actor_aan_klantcontact(
            {"actor": {"uuid": actor["uuid"]}, "klantcontact": {"uuid": kc["uuid"]}}
        )
        tx.registreer_betrokkene(
            {"hadKlantcontact": {"uuid": kc["uuid"]}, "rol": "klant", "initiator": True}
        )
    assert register.zoek_klantcontact()["count"] == 1


def test_workflows_inside_a_transaction(register: ki.Register) -> None:
    actor = register.registreer_actor(medewerker())
    partij = register.registreer_partij(persoon("111222333"))
    invoer = {
        "klantcontact": klantcontact(),
        "actor": {"uuid": actor["uuid"]},
        "klant": {"soort": "gekend", "partij": {"uuid": partij["uuid"]}},
    }
    with pytest.raises(RuntimeError):
        with register.transactie() as tx:
            assert tx.beantwoord_vraag_direct(invoer)["uitkomst"] == "geregistreerd"
            assert tx.zoek_klantcontact()["count"] == 1
            raise RuntimeError("terug")
    assert register.zoek_klantcontact()["count"] == 0
    with register.transactie() as tx:
        tx.voer_uit("beantwoord_vraag_direct", invoer)
    assert register.zoek_klantcontact()["count"] == 1


def test_a_deep_workflow_input_in_a_transaction_is_refused_and_the_transaction_goes_on(
    register: ki.Register,
) -> None:
    # Issue: a deep workflow input inside a transaction killed the worker thread.
    deep: list[object] = []
    for _ in range(20_000):
        deep = [deep]
    with register.transactie() as tx:
        with pytest.raises(ki.ValidationError) as caught:
            tx.voer_uit("beantwoord_vraag_direct", {"klantcontact": deep})
        assert caught.value.invalid_params[0]["code"] == "parse_error"
        tx.registreer_actor(medewerker())
    assert register.aantallen()["actoren"] == 1


GIL_SCRIPT = """
import threading, time
import klantinteracties as ki
from conftest import medewerker

register = ki.Register()
done = []
with register.transactie() as tx:
    tx.registreer_actor(medewerker())
    readers = [
        threading.Thread(target=lambda f=f: done.append(f(register)))
        for f in (
            lambda r: r.aantallen(),
            lambda r: r.lengte(),
            lambda r: r.herstelrapport(),
            lambda r: r.opslag,
            lambda r: repr(r),
        )
    ]
    for t in readers:
        t.start()
    time.sleep(0.2)  # the readers now wait for the register; Python must go on meanwhile
    ticks = sum(1 for _ in range(100_000))
for t in readers:
    t.join()
assert ticks == 100_000 and len(done) == 5, done
assert register.aantallen()["actoren"] == 1
print("ok")
"""


def test_reading_the_register_during_a_transaction_does_not_freeze_python() -> None:
    # Issue: aantallen(), lengte(), herstelrapport(), opslag and repr() from another thread
    # waited for the register holding the GIL, and the whole interpreter froze. In a child
    # process, so that a freeze fails the test instead of hanging it.
    import subprocess
    import sys
    from pathlib import Path

    out = subprocess.run(
        [sys.executable, "-c", GIL_SCRIPT],
        cwd=Path(__file__).parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def test_a_transaction_handed_to_another_thread_is_refused_there(register: ki.Register) -> None:
    # Issue: a transaction handed to another thread could leave everything else waiting.
    caught: list[BaseException] = []
    with register.transactie() as tx:

        def use() -> None:
            try:
                tx.registreer_actor(medewerker())
            except ki.TransactionError as e:
                caught.append(e)

        t = threading.Thread(target=use)
        t.start()
        t.join(timeout=30)
        assert not t.is_alive()
        tx.registreer_actor(medewerker())
    assert len(caught) == 1 and "thread" in str(caught[0])
    assert register.aantallen()["actoren"] == 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork exists on POSIX only")
# Python 3.12 warns that forking a process with threads (the transaction's worker) may
# deadlock: that is what this test is about.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_after_fork_an_open_transaction_and_its_register_refuse_instead_of_hanging(
    register: ki.Register,
) -> None:
    # Issue: used after os.fork, a transaction (whose worker is not in the child) hung.
    with register.transactie() as tx:
        tx.registreer_actor(medewerker())
        pid = os.fork()
        if pid == 0:  # the child: report through the exit code, never return into pytest
            code = 0
            for attempt in (lambda: tx.registreer_actor(medewerker()), tx.commit,
                            register.aantallen):
                try:
                    attempt()
                    code |= 1
                except ki.TransactionError:
                    pass
                except BaseException:
                    code |= 2
            os._exit(code)
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert register.aantallen()["actoren"] == 1


def test_calling_the_register_from_the_thread_that_holds_a_transaction_is_refused(
    register: ki.Register,
) -> None:
    with register.transactie() as tx:
        tx.registreer_partij(persoon(bsn(1)))
        with pytest.raises(ki.TransactionError, match="through the transaction"):
            register.zoek_partij()
        with pytest.raises(ki.TransactionError):
            register.transactie()
    # After the block the register is free again.
    assert register.zoek_partij()["count"] == 1


def test_a_dropped_transaction_rolls_back(register: ki.Register) -> None:
    tx = register.transactie()
    tx.registreer_partij(persoon(bsn(1)))
    with pytest.warns(ResourceWarning, match="neither committed nor rolled back"):
        del tx
        gc.collect()
    # The thread is free again and nothing was kept.
    assert register.zoek_partij()["count"] == 0
    register.registreer_partij(persoon(bsn(1)))
    assert register.zoek_partij()["count"] == 1


def test_the_audit_log_names_who_made_the_transaction(register: ki.Register) -> None:
    with register.transactie(who="applicatie:open-forms") as tx:
        tx.registreer_partij(persoon())
    assert [r["who"] for r in register.audit_log()] == ["applicatie:open-forms"]


def test_threads_share_a_register(register: ki.Register) -> None:
    threads, per_thread = 8, 40
    errors: list[BaseException] = []
    barrier = threading.Barrier(threads + 2)

    def writer(t: int) -> None:
        try:
            barrier.wait()
            for i in range(per_thread):
                register.registreer_partij(persoon(bsn(t * per_thread + i)))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    def reader() -> None:
        try:
            barrier.wait()
            for _ in range(50):
                page = register.zoek_partij(page_size=5)
                assert page["count"] >= 0
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    def tx_writer() -> None:
        try:
            barrier.wait()
            with register.transactie() as tx:
                for i in range(per_thread):
                    tx.registreer_partij(persoon(bsn(threads * per_thread + i)))
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    pool = [threading.Thread(target=writer, args=(t,)) for t in range(threads)]
    pool += [threading.Thread(target=reader), threading.Thread(target=tx_writer)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=60)
    assert not errors, errors
    assert register.zoek_partij()["count"] == (threads + 1) * per_thread
    assert register.controleer_invarianten() == []
    assert register.lengte()[1] == threads * per_thread + 1


def test_waiting_for_the_lock_releases_the_gil(register: ki.Register) -> None:
    """Thread B's read waits for the write lock that thread A's transaction holds; A can
    only commit if B's waiting released the GIL, so this finishes only if it does."""
    opened, asked = threading.Event(), threading.Event()
    seen: dict[str, Any] = {}

    def a() -> None:
        with register.transactie() as tx:
            tx.registreer_partij(persoon(bsn(1)))
            opened.set()
            asked.wait(timeout=10)
            # Python code runs here while B waits inside the register.
            seen["a_ran"] = True

    def b() -> None:
        opened.wait(timeout=10)
        asked.set()
        seen["count"] = register.zoek_partij()["count"]

    ta, tb = threading.Thread(target=a), threading.Thread(target=b)
    ta.start()
    tb.start()
    ta.join(timeout=30)
    tb.join(timeout=30)
    assert not ta.is_alive() and not tb.is_alive(), "deadlock"
    assert seen == {"a_ran": True, "count": 1}


@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_a_transaction_lost_in_a_reference_cycle_gives_other_threads_an_error() -> None:
    # Issue: a transaction kept alive by a reference cycle made every other thread's call
    # wait until the garbage collector ran, which might be never.
    register = ki.Register(timeout=0.2)
    gc.disable()
    try:
        cycle: dict[str, Any] = {}
        cycle["self"] = cycle
        cycle["tx"] = register.transactie()
        cycle["tx"].registreer_actor(medewerker())
        del cycle
        caught: list[BaseException] = []

        def use() -> None:
            for attempt in (register.aantallen, lambda: register.registreer_actor(medewerker()),
                            register.transactie):
                try:
                    attempt()
                except ki.TransactionError as e:
                    caught.append(e)

        t = threading.Thread(target=use)
        t.start()
        t.join(timeout=30)
        assert not t.is_alive()
        assert len(caught) == 3, caught
        assert all("reference cycle" in str(e) for e in caught)
    finally:
        gc.enable()
    # Once the collector has run, the transaction is rolled back and the register is free.
    gc.collect()
    assert register.aantallen()["actoren"] == 0


def test_another_thread_waits_for_a_transaction_that_ends_in_time() -> None:
    register = ki.Register(timeout=30)
    started = threading.Event()
    counts: list[int] = []

    def read() -> None:
        started.set()
        counts.append(register.aantallen()["actoren"])

    with register.transactie() as tx:
        tx.registreer_actor(medewerker())
        t = threading.Thread(target=read)
        t.start()
        started.wait()
        time.sleep(0.1)  # the reader now waits for the transaction
        assert not counts
    t.join(timeout=30)
    assert counts == [1]


@pytest.mark.parametrize("timeout", [-1.0, float("nan"), float("inf")])
def test_a_timeout_that_cannot_be_waited_is_refused(timeout: float) -> None:
    with pytest.raises(ValueError, match="timeout"):
        ki.Register(timeout=timeout)
