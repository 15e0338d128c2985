# Module-level settings changed through functions with `global`.
MODE = "normal"
RETRIES = 3
HISTORY = ["normal"]


def set_mode(mode):
    global MODE
    MODE = mode
    HISTORY.append(mode)


def reset_history():
    global HISTORY
    HISTORY = [MODE]
