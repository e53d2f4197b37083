#!/usr/bin/env python3
"""Peak RSS of the local stack's render worker per step, as a user meets it, and where the step's time went.

Uploads PHOTO to the running local stack (./atelier up), then sends each INSTRUCTION as a step: from the upload, or
with --chain each from the step before. Before each step the worker's VmHWM is reset (/proc/PID/clear_refs, so run as
the worker's user on Linux) and it is read once the gallery shows the step rendered or failed. Prints one line a step,
with the worker's render time (durationMillis) and the rest of its time on the step (renderStarted to rendered
minus the render: storing the image, measuring drift against the parent and the original).
Set ATELIER_MODELS_DIR before ./atelier up to choose whether the worker has the subject model.

  bench/worker-memory.py PHOTO [--chain] INSTRUCTION...
  e.g. bench/worker-memory.py photo-24mp.jpg "blur the background" "sharpen the subject"
"""
import calendar, json, mimetypes, os, re, subprocess, sys, time, urllib.error, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SESSION, GALLERY = "http://127.0.0.1:8081", "http://127.0.0.1:8080"
AUTH = {"Authorization": "Bearer " + open(os.path.join(ROOT, ".atelier", "api-key")).read().strip()}


def worker_pid():
    for pid in subprocess.run(["pgrep", "-f", "render-worker/target/quarkus-app"], capture_output=True, text=True).stdout.split():
        return pid
    sys.exit("no render worker running: start the stack with ./atelier up")


def mib(pid, field):
    return int(re.search(field + r":\s+(\d+)", open(f"/proc/{pid}/status").read()).group(1)) // 1024


def reset_peak(pid):
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")


def call(url, data=None, headers=None, method=None):
    request = urllib.request.Request(url, data=data, headers={**AUTH, **(headers or {})}, method=method)
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.load(response)


def upload(path):
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nworker memory\r\n--{boundary}\r\n"
            f"Content-Disposition: form-data; name=\"image\"; filename=\"{os.path.basename(path)}\"\r\n"
            f"Content-Type: {mimetypes.guess_type(path)[0] or 'application/octet-stream'}\r\n\r\n").encode()
    body = head + open(path, "rb").read() + f"\r\n--{boundary}--\r\n".encode()
    opened = call(SESSION + "/api/sessions", body, {"Content-Type": "multipart/form-data; boundary=" + boundary})
    return opened["sessionId"], opened["source"]["stepId"]


def finished(session, step_id):
    while True:
        try:
            steps = call(f"{GALLERY}/api/sessions/{session}")["steps"]
        except urllib.error.HTTPError as e:
            if e.code != 404:  # the gallery has not projected the new session yet
                raise
            steps = []
        step = next((s for s in steps if s["stepId"] == step_id), None)
        if step and step["status"] != "pending":
            return step
        time.sleep(0.5)


def instant(text):
    # ISO-8601 with up to nanoseconds and a Z: to seconds since the epoch, to the microsecond
    date, frac = (text.rstrip("Z").split(".") + ["0"])[:2]
    return calendar.timegm(time.strptime(date, "%Y-%m-%dT%H:%M:%S")) + float("0." + frac[:6])


def worker_times(step):
    timings, render = step.get("timings") or {}, step.get("durationMillis")
    if render is None or "renderStarted" not in timings or "rendered" not in timings:
        return ""
    on_worker = (instant(timings["rendered"]) - instant(timings["renderStarted"])) * 1000
    return f", render {render} ms + {on_worker - render:.0f} ms more on the worker"


def main():
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    photo, chain = args[0], "--chain" in args
    pid = worker_pid()
    print(f"worker {pid}: {mib(pid, 'VmRSS')} MiB resident before", flush=True)
    reset_peak(pid)
    session, parent = upload(photo)
    print(f"upload: peak {mib(pid, 'VmHWM')} MiB", flush=True)
    for instruction in (a for a in args[1:] if a != "--chain"):
        reset_peak(pid)
        started = time.time()
        step_id = call(f"{SESSION}/api/sessions/{session}/steps", json.dumps({"parentStepId": parent, "instruction": instruction}).encode(),
                       {"Content-Type": "application/json", "Idempotency-Key": uuid.uuid4().hex}, "POST")["stepId"]
        step = finished(session, step_id)
        why = "" if step["status"] == "rendered" else f" ({(step.get('failure') or {}).get('reason', '')})"
        print(f"{instruction!r}: {step['status']}{why}, subject {step.get('subjectMethod')}, {time.time() - started:.1f} s"
              f"{worker_times(step)}, peak {mib(pid, 'VmHWM')} MiB", flush=True)
        if chain and step["status"] == "rendered":
            parent = step_id
    time.sleep(5)
    print(f"idle after: {mib(pid, 'VmRSS')} MiB resident")


main()
