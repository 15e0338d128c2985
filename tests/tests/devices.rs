//! Device selection at the command line: a device that is asked for by name and is missing
//! is a one-line error naming the device and the reason, exit status 1, before the program
//! runs; `auto` always finds one; built executables read `KILN_DEVICE`.

use std::process::Command;
use std::time::Duration;

use kiln_tests::{cuda_driver_present, kiln_bin, kiln_command, run_with_timeout, scratch_dir, workspace_root};

const PROGRAM: &str = "tests/kernels/saxpy.py";
const TIMEOUT: Duration = Duration::from_secs(120);

fn run(args: &[&str], env: &[(&str, &str)]) -> kiln_tests::Outcome {
    let mut cmd = kiln_command(&kiln_bin(), args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_with_timeout(&mut cmd, TIMEOUT).expect("kiln starts")
}

#[test]
fn missing_cuda_is_a_one_line_error() {
    if cuda_driver_present() {
        println!("skipped: a CUDA driver is present");
        return;
    }
    let out = run(&["run", "--device", "cuda", PROGRAM], &[]);
    assert_eq!(out.code(), Some(1), "{}", out.describe());
    assert_eq!(out.stdout_text(), "", "nothing runs");
    assert_eq!(out.stderr_text(), "kiln: error: cuda: no CUDA driver (libcuda.so not found)\n");
    // The environment variable says the same.
    let out = run(&["run", PROGRAM], &[("KILN_DEVICE", "cuda")]);
    assert_eq!(out.code(), Some(1), "{}", out.describe());
    assert!(out.stderr_text().starts_with("kiln: error: cuda:"), "{}", out.stderr_text());
}

#[test]
fn every_available_device_runs_the_same_kernel() {
    let expected = run(&["run", "--device", "cpu", PROGRAM], &[]);
    assert_eq!(expected.code(), Some(0), "{}", expected.describe());
    for device in ["wgpu", "auto"] {
        let out = run(&["run", "--device", device, PROGRAM], &[]);
        assert_eq!(out.code(), Some(0), "--device {device}: {}", out.describe());
        assert_eq!(out.stdout_text(), expected.stdout_text(), "--device {device}");
    }
}

#[test]
fn built_executables_pick_their_device_at_start() {
    let dir = scratch_dir(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")), "devices");
    let exe = dir.join("saxpy");
    let exe_arg = exe.to_string_lossy().into_owned();
    let build = run(&["build", PROGRAM, "-o", exe_arg.as_str()], &[]);
    assert_eq!(build.code(), Some(0), "{}", build.describe());
    let mut outputs = Vec::new();
    for device in ["cpu", "wgpu"] {
        let mut cmd = Command::new(&exe);
        cmd.current_dir(workspace_root()).env("KILN_DEVICE", device);
        let out = run_with_timeout(&mut cmd, TIMEOUT).expect("the executable starts");
        assert_eq!(out.code(), Some(0), "KILN_DEVICE={device}: {}", out.describe());
        outputs.push(out.stdout_text());
    }
    assert_eq!(outputs[0], outputs[1]);
    if !cuda_driver_present() {
        let mut cmd = Command::new(&exe);
        cmd.current_dir(workspace_root()).env("KILN_DEVICE", "cuda");
        let out = run_with_timeout(&mut cmd, TIMEOUT).expect("the executable starts");
        assert_eq!(out.code(), Some(1), "{}", out.describe());
        assert!(out.stderr_text().starts_with("kiln: error: cuda:"), "{}", out.stderr_text());
    }
}
