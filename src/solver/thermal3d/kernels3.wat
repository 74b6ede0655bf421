;; The inner loops of the 3-D pressure solve (multigrid3.ts, pressure.ts) as WebAssembly: V8
;; compiles a WebAssembly module as it loads and runs it at compiled speed from its first call,
;; where the JavaScript loops run interpreted until the optimiser has caught up, and with no bounds
;; test on each array read.
;; Each function is the loop of the TypeScript it replaces, operation for operation in the same
;; order (IEEE 754 double arithmetic is the same in both: no fused multiply-add, no reordering),
;; so results are bit for bit the same; kernels3.ts says which function each one replaces and
;; test/unit/thermal3d/kernels3.test.ts restates those loops and compares.
;; Arrays live in this module's memory; every pointer is a byte offset, every index a cell index
;; c = i + nx·(j + ny·k) of an nx × ny × nz grid (n cells, nxy = nx·ny); ax, ay, az: a cell's
;; coupling to its +x, +y, +z neighbour (zero across the grid's edges).
;; Built into kernels3Wasm.ts by scripts/build-wasm.mjs (wabt's wat2wasm); never edit that file.
(module
  (memory (export "memory") 1)

  ;; s = b[c] − ax[c−1]·x[c−1] − ax[c]·x[c+1] − ay[c−nx]·x[c−nx] − ay[c]·x[c+nx] − az[c−nxy]·x[c−nxy]
  ;;     − az[c]·x[c+nxy] (each term where that neighbour is inside 0 … n − 1), x[c] = s / diag[c];
  ;; cells with diag ≤ 0 are left alone. q: the byte offset 8·c.
  (func $relax (param $q i32) (param $c i32) (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32)
    (local $d f64) (local $s f64) (local $o i32)
    (local.set $d (f64.load (i32.add (local.get $diag) (local.get $q))))
    (if (f64.le (local.get $d) (f64.const 0)) (then (return)))
    (local.set $s (f64.load (i32.add (local.get $b) (local.get $q))))
    (if (i32.ge_s (local.get $c) (i32.const 1))
      (then (local.set $s (f64.sub (local.get $s)
        (f64.mul (f64.load (i32.sub (i32.add (local.get $ax) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8))))))))
    (if (i32.lt_s (i32.add (local.get $c) (i32.const 1)) (local.get $n))
      (then (local.set $s (f64.sub (local.get $s)
        (f64.mul (f64.load (i32.add (local.get $ax) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8))))))))
    (local.set $o (i32.shl (local.get $nx) (i32.const 3)))
    (if (i32.ge_s (local.get $c) (local.get $nx))
      (then (local.set $s (f64.sub (local.get $s)
        (f64.mul (f64.load (i32.sub (i32.add (local.get $ay) (local.get $q)) (local.get $o))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (if (i32.lt_s (i32.add (local.get $c) (local.get $nx)) (local.get $n))
      (then (local.set $s (f64.sub (local.get $s)
        (f64.mul (f64.load (i32.add (local.get $ay) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (local.set $o (i32.shl (local.get $nxy) (i32.const 3)))
    (if (i32.ge_s (local.get $c) (local.get $nxy))
      (then (local.set $s (f64.sub (local.get $s)
        (f64.mul (f64.load (i32.sub (i32.add (local.get $az) (local.get $q)) (local.get $o))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (if (i32.lt_s (i32.add (local.get $c) (local.get $nxy)) (local.get $n))
      (then (local.set $s (f64.sub (local.get $s)
        (f64.mul (f64.load (i32.add (local.get $az) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (f64.store (i32.add (local.get $x) (local.get $q)) (f64.div (local.get $s) (local.get $d))))

  ;; multigrid3.ts sweep(L, true): $relax for c = 0 … n − 1.
  (func $sweepForward (export "sweepForward") (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32)
    (local $c i32)
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $c) (local.get $n)))
        (call $relax (i32.shl (local.get $c) (i32.const 3)) (local.get $c) (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $b) (local.get $x))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cells))))

  ;; multigrid3.ts sweep(L, false): $relax for c = n − 1 … 0.
  (func $sweepBackward (export "sweepBackward") (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32)
    (local $c i32)
    (local.set $c (i32.sub (local.get $n) (i32.const 1)))
    (block $done
      (loop $cells
        (br_if $done (i32.lt_s (local.get $c) (i32.const 0)))
        (call $relax (i32.shl (local.get $c) (i32.const 3)) (local.get $c) (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $b) (local.get $x))
        (local.set $c (i32.sub (local.get $c) (i32.const 1)))
        (br $cells))))

  ;; v = diag[c]·x[c] + ax[c−1]·x[c−1] + ax[c]·x[c+1] + ay[c−nx]·x[c−nx] + ay[c]·x[c+nx]
  ;;     + az[c−nxy]·x[c−nxy] + az[c]·x[c+nxy] (each term where that neighbour is inside 0 … n − 1).
  (func $apply (param $q i32) (param $c i32) (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $x i32) (result f64)
    (local $v f64) (local $o i32)
    (local.set $v (f64.mul (f64.load (i32.add (local.get $diag) (local.get $q))) (f64.load (i32.add (local.get $x) (local.get $q)))))
    (if (i32.ge_s (local.get $c) (i32.const 1))
      (then (local.set $v (f64.add (local.get $v)
        (f64.mul (f64.load (i32.sub (i32.add (local.get $ax) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8))))))))
    (if (i32.lt_s (i32.add (local.get $c) (i32.const 1)) (local.get $n))
      (then (local.set $v (f64.add (local.get $v)
        (f64.mul (f64.load (i32.add (local.get $ax) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8))))))))
    (local.set $o (i32.shl (local.get $nx) (i32.const 3)))
    (if (i32.ge_s (local.get $c) (local.get $nx))
      (then (local.set $v (f64.add (local.get $v)
        (f64.mul (f64.load (i32.sub (i32.add (local.get $ay) (local.get $q)) (local.get $o))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (if (i32.lt_s (i32.add (local.get $c) (local.get $nx)) (local.get $n))
      (then (local.set $v (f64.add (local.get $v)
        (f64.mul (f64.load (i32.add (local.get $ay) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (local.set $o (i32.shl (local.get $nxy) (i32.const 3)))
    (if (i32.ge_s (local.get $c) (local.get $nxy))
      (then (local.set $v (f64.add (local.get $v)
        (f64.mul (f64.load (i32.sub (i32.add (local.get $az) (local.get $q)) (local.get $o))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (if (i32.lt_s (i32.add (local.get $c) (local.get $nxy)) (local.get $n))
      (then (local.set $v (f64.add (local.get $v)
        (f64.mul (f64.load (i32.add (local.get $az) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (local.get $v))

  ;; multigrid3.ts residual: r[c] = b[c] − (A·x)[c] where diag[c] > 0, else r[c] = 0.
  (func $residual (export "residual") (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32) (param $r i32)
    (local $c i32) (local $q i32)
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $c) (local.get $n)))
        (local.set $q (i32.shl (local.get $c) (i32.const 3)))
        (if (f64.le (f64.load (i32.add (local.get $diag) (local.get $q))) (f64.const 0))
          (then (f64.store (i32.add (local.get $r) (local.get $q)) (f64.const 0)))
          (else (f64.store (i32.add (local.get $r) (local.get $q))
            (f64.sub (f64.load (i32.add (local.get $b) (local.get $q)))
              (call $apply (local.get $q) (local.get $c) (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $x))))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cells))))

  ;; pressure.ts multiply: y[c] = (A·x)[c] for every cell.
  (func $multiply (export "multiply") (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $x i32) (param $y i32)
    (local $c i32) (local $q i32)
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $c) (local.get $n)))
        (local.set $q (i32.shl (local.get $c) (i32.const 3)))
        (f64.store (i32.add (local.get $y) (local.get $q))
          (call $apply (local.get $q) (local.get $c) (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $x)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cells))))
)
