# Retry loops around a flaky operation: a class that fails a set number of times, backoff accounting.


class TransientError(Exception):
    def __init__(self, attempt):
        super().__init__(f"transient failure on attempt {attempt}")
        self.attempt = attempt


class FatalError(Exception):
    pass


class FlakyService:
    def __init__(self, fail_times, fatal_on):
        self.fail_times = fail_times
        self.fatal_on = fatal_on
        self.calls = 0

    def request(self, payload):
        self.calls += 1
        if self.calls == self.fatal_on:
            raise FatalError("service crashed on call " + str(self.calls))
        if self.calls <= self.fail_times:
            raise TransientError(self.calls)
        return payload.upper()


def with_retry(service, payload, max_attempts):
    delay = 1
    waited = 0
    for attempt in range(1, max_attempts + 1):
        try:
            result = service.request(payload)
        except TransientError as e:
            print(f"  attempt {attempt}: {e}; waiting {delay}")
            waited += delay
            delay *= 2
            continue
        print(f"  attempt {attempt}: success after waiting {waited}")
        return result
    raise RuntimeError(f"gave up after {max_attempts} attempts")


scenarios = [(0, 0, 3), (2, 0, 5), (4, 0, 3), (1, 3, 5), (3, 2, 6)]
for fail_times, fatal_on, attempts in scenarios:
    svc = FlakyService(fail_times, fatal_on)
    print(f"scenario fail={fail_times} fatal={fatal_on} attempts={attempts}")
    try:
        print("  result:", with_retry(svc, "ping", attempts))
    except RuntimeError as e:
        print("  error:", e)
    except FatalError as e:
        print("  fatal:", e)
    finally:
        print("  calls made:", svc.calls)
