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

  ;; $relax for the cells from … to − 1 (forward, from < to) or from … to + 1 (backward).
  (func $run (param $from i32) (param $to i32) (param $step i32) (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32)
    (local $c i32)
    (local.set $c (local.get $from))
    (block $done
      (loop $cells
        (br_if $done (i32.eq (local.get $c) (local.get $to)))
        (call $relax (i32.shl (local.get $c) (i32.const 3)) (local.get $c) (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $b) (local.get $x))
        (local.set $c (i32.add (local.get $c) (local.get $step)))
        (br $cells))))

  ;; $relax of cell c (row m of a wavefront group of `rows` rows, x-index i) while the group is swept
  ;; as a wavefront; `save` holds the group's x from before the sweep (its rows in order, lowest
  ;; cell first), `fwd` 1 forward, 0 backward. Two neighbours are not where the cell-by-cell order
  ;; has them: across the row's start (forward: the previous row's last cell, updated in that order
  ;; but not yet here; backward: the next row's first cell, the same way round) — its term is left
  ;; out, which is the same bits only if its coupling is 0, the sum so far is not NaN nor −0 and
  ;; that neighbour ends finite (checked after the group): else 0 is returned and the group is done
  ;; again cell by cell; and across the row's end (forward: the next row's first cell, already
  ;; updated here but not in that order; backward: the previous row's last) — read from `save`.
  (func $relaxWave (param $c i32) (param $i i32) (param $m i32) (param $rows i32) (param $save i32) (param $fwd i32) (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32) (result i32)
    (local $q i32) (local $d f64) (local $s f64) (local $o i32) (local $wrapLow i32) (local $wrapHigh i32) (local $savedLow i32) (local $savedHigh i32)
    (local.set $q (i32.shl (local.get $c) (i32.const 3)))
    (local.set $d (f64.load (i32.add (local.get $diag) (local.get $q))))
    (if (f64.le (local.get $d) (f64.const 0)) (then (return (i32.const 1))))
    ;; Forward: the −x neighbour of a later row's first cell is left out, the +x neighbour of an
    ;; earlier row's last cell is the saved one (the next row's first, row m + 1 in save).
    ;; Backward (row m is the group's (m)th row from the top): the +x neighbour of a later row's
    ;; last cell is left out, the −x neighbour of an earlier row's first cell is the saved one
    ;; (the row below's last: row rows − 2 − m in save, cell nx − 1).
    (if (local.get $fwd)
      (then
        (local.set $wrapLow (i32.and (i32.eqz (local.get $i)) (i32.gt_s (local.get $m) (i32.const 0))))
        (local.set $savedHigh (i32.and (i32.eq (local.get $i) (i32.sub (local.get $nx) (i32.const 1))) (i32.lt_s (local.get $m) (i32.sub (local.get $rows) (i32.const 1))))))
      (else
        (local.set $wrapHigh (i32.and (i32.eq (local.get $i) (i32.sub (local.get $nx) (i32.const 1))) (i32.gt_s (local.get $m) (i32.const 0))))
        (local.set $savedLow (i32.and (i32.eqz (local.get $i)) (i32.lt_s (local.get $m) (i32.sub (local.get $rows) (i32.const 1)))))))
    (local.set $s (f64.load (i32.add (local.get $b) (local.get $q))))
    (if (i32.ge_s (local.get $c) (i32.const 1))
      (then
        (if (local.get $wrapLow)
          (then
            (if (i32.or (f64.ne (f64.load (i32.sub (i32.add (local.get $ax) (local.get $q)) (i32.const 8))) (f64.const 0))
                  (i32.or (f64.ne (local.get $s) (local.get $s))
                    (i32.and (f64.eq (local.get $s) (f64.const 0)) (i64.lt_s (i64.reinterpret_f64 (local.get $s)) (i64.const 0)))))
              (then (return (i32.const 0)))))
          (else
            (if (local.get $savedLow)
              (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.sub (i32.add (local.get $ax) (local.get $q)) (i32.const 8))) (f64.load (i32.add (local.get $save) (i32.shl (i32.sub (i32.mul (i32.sub (i32.sub (local.get $rows) (i32.const 1)) (local.get $m)) (local.get $nx)) (i32.const 1)) (i32.const 3))))))))
              (else (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.sub (i32.add (local.get $ax) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8))))))))))))
    (if (i32.lt_s (i32.add (local.get $c) (i32.const 1)) (local.get $n))
      (then
        (if (local.get $wrapHigh)
          (then
            (if (i32.or (f64.ne (f64.load (i32.add (local.get $ax) (local.get $q))) (f64.const 0))
                  (i32.or (f64.ne (local.get $s) (local.get $s))
                    (i32.and (f64.eq (local.get $s) (f64.const 0)) (i64.lt_s (i64.reinterpret_f64 (local.get $s)) (i64.const 0)))))
              (then (return (i32.const 0)))))
          (else
            (if (local.get $savedHigh)
              (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.add (local.get $ax) (local.get $q))) (f64.load (i32.add (local.get $save) (i32.shl (i32.mul (i32.add (local.get $m) (i32.const 1)) (local.get $nx)) (i32.const 3))))))))
              (else (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.add (local.get $ax) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8))))))))))))
    (local.set $o (i32.shl (local.get $nx) (i32.const 3)))
    (if (i32.ge_s (local.get $c) (local.get $nx))
      (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.sub (i32.add (local.get $ay) (local.get $q)) (local.get $o))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (if (i32.lt_s (i32.add (local.get $c) (local.get $nx)) (local.get $n))
      (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.add (local.get $ay) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (local.set $o (i32.shl (local.get $nxy) (i32.const 3)))
    (if (i32.ge_s (local.get $c) (local.get $nxy))
      (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.sub (i32.add (local.get $az) (local.get $q)) (local.get $o))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (if (i32.lt_s (i32.add (local.get $c) (local.get $nxy)) (local.get $n))
      (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.add (local.get $az) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $o))))))))
    (f64.store (i32.add (local.get $x) (local.get $q)) (f64.div (local.get $s) (local.get $d)))
    (i32.const 1))

  ;; Is x[c] finite?
  (func $finite (param $x i32) (param $c i32) (result i32)
    (local $v f64)
    (local.set $v (f64.load (i32.add (local.get $x) (i32.shl (local.get $c) (i32.const 3)))))
    (f64.eq (f64.sub (local.get $v) (local.get $v)) (f64.const 0)))

  ;; multigrid3.ts sweep(L, true) — $relax for c = 0 … n − 1 — or sweep(L, false) — for
  ;; c = n − 1 … 0 — with up to 8 rows of a layer swept together as a wavefront (`save`: room for
  ;; 8·nx doubles), row m of a group one cell behind row m − 1. Every cell still reads the values
  ;; the cell-by-cell order gives it (its own row's cell before it, updated; the one after it and
  ;; the next row's, not yet; the previous row's, updated: that row is a step ahead; the layers
  ;; before and after, done and not yet) but across a row's two ends ($relaxWave); a group where
  ;; that cannot give the same bits is put back from `save` and swept cell by cell. So x is the
  ;; same bits, while the rows' update chains (each waits on its neighbour's division) overlap.
  (func $sweep (param $fwd i32) (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32) (param $save i32)
    (local $ny i32) (local $nz i32) (local $k i32) (local $g i32) (local $groups i32) (local $j0 i32) (local $rows i32) (local $first i32) (local $t i32) (local $tEnd i32) (local $m i32) (local $mEnd i32) (local $i i32) (local $ok i32) (local $bytes i32) (local $c0 i32) (local $q i32) (local $d f64) (local $s f64) (local $o1 i32) (local $o2 i32)
    (local.set $o1 (i32.shl (local.get $nx) (i32.const 3)))
    (local.set $o2 (i32.shl (local.get $nxy) (i32.const 3)))
    (local.set $ny (i32.div_u (local.get $nxy) (local.get $nx)))
    (local.set $nz (i32.div_u (local.get $n) (local.get $nxy)))
    (local.set $groups (i32.div_u (i32.add (local.get $ny) (i32.const 7)) (i32.const 8)))
    (local.set $k (if (result i32) (local.get $fwd) (then (i32.const 0)) (else (i32.sub (local.get $nz) (i32.const 1)))))
    (block $layersDone
      (loop $layers
        (br_if $layersDone (i32.or (i32.lt_s (local.get $k) (i32.const 0)) (i32.ge_s (local.get $k) (local.get $nz))))
        (local.set $g (i32.const 0))
        (block $groupsDone
          (loop $groupLoop
            (br_if $groupsDone (i32.ge_s (local.get $g) (local.get $groups)))
            ;; Forward: rows j0 … j0 + rows − 1 upwards; backward: rows j0 … j0 − rows + 1 downwards.
            (if (local.get $fwd)
              (then
                (local.set $j0 (i32.mul (local.get $g) (i32.const 8)))
                (local.set $rows (i32.sub (local.get $ny) (local.get $j0))))
              (else
                (local.set $j0 (i32.sub (i32.sub (local.get $ny) (i32.const 1)) (i32.mul (local.get $g) (i32.const 8))))
                (local.set $rows (i32.add (local.get $j0) (i32.const 1)))))
            (if (i32.gt_s (local.get $rows) (i32.const 8)) (then (local.set $rows (i32.const 8))))
            ;; The group's lowest cell.
            (local.set $first (i32.add (i32.mul (local.get $k) (local.get $nxy))
              (i32.mul (local.get $nx) (if (result i32) (local.get $fwd) (then (local.get $j0)) (else (i32.add (i32.sub (local.get $j0) (local.get $rows)) (i32.const 1)))))))
            (local.set $bytes (i32.shl (i32.mul (local.get $rows) (local.get $nx)) (i32.const 3)))
            (memory.copy (local.get $save) (i32.add (local.get $x) (i32.shl (local.get $first) (i32.const 3))) (local.get $bytes))
            (local.set $ok (i32.const 1))
            (local.set $t (i32.const 0))
            (local.set $tEnd (i32.sub (i32.add (local.get $nx) (local.get $rows)) (i32.const 1)))
            (block $stepsDone
              (loop $steps
                (br_if $stepsDone (i32.ge_s (local.get $t) (local.get $tEnd)))
                ;; rows m with 0 ≤ t − m < nx
                (local.set $m (i32.sub (i32.add (local.get $t) (i32.const 1)) (local.get $nx)))
                (if (i32.lt_s (local.get $m) (i32.const 0)) (then (local.set $m (i32.const 0))))
                (local.set $mEnd (local.get $t))
                (if (i32.gt_s (local.get $mEnd) (i32.sub (local.get $rows) (i32.const 1))) (then (local.set $mEnd (i32.sub (local.get $rows) (i32.const 1)))))
                (block $rowsDone
                  (loop $rowLoop
                    (br_if $rowsDone (i32.gt_s (local.get $m) (local.get $mEnd)))
                    (if (local.get $fwd)
                      (then
                        (local.set $i (i32.sub (local.get $t) (local.get $m)))
                        (local.set $c0 (i32.add (i32.add (local.get $first) (i32.mul (local.get $m) (local.get $nx))) (local.get $i))))
                      (else
                        (local.set $i (i32.sub (i32.sub (local.get $nx) (i32.const 1)) (i32.sub (local.get $t) (local.get $m))))
                        (local.set $c0 (i32.add (i32.add (local.get $first) (i32.mul (i32.sub (i32.sub (local.get $rows) (i32.const 1)) (local.get $m)) (local.get $nx))) (local.get $i)))))
                    ;; A row's two end cells by $relaxWave; the others here, $relax's terms in order
                    ;; (their ±1 neighbours in their own row, so no bounds test on those).
                    (if (i32.or (i32.eqz (local.get $i)) (i32.eq (local.get $i) (i32.sub (local.get $nx) (i32.const 1))))
                      (then
                        (local.set $ok (i32.and (local.get $ok) (call $relaxWave
                          (local.get $c0) (local.get $i) (local.get $m) (local.get $rows) (local.get $save) (local.get $fwd)
                          (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $b) (local.get $x)))))
                      (else
                        (block $skip
                          (local.set $q (i32.shl (local.get $c0) (i32.const 3)))
                          (local.set $d (f64.load (i32.add (local.get $diag) (local.get $q))))
                          (br_if $skip (f64.le (local.get $d) (f64.const 0)))
                          (local.set $s (f64.load (i32.add (local.get $b) (local.get $q))))
                          (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.sub (i32.add (local.get $ax) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8))))))
                          (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.add (local.get $ax) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8))))))
                          (if (i32.ge_s (local.get $c0) (local.get $nx))
                            (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.sub (i32.add (local.get $ay) (local.get $q)) (local.get $o1))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $o1))))))))
                          (if (i32.lt_s (i32.add (local.get $c0) (local.get $nx)) (local.get $n))
                            (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.add (local.get $ay) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $o1))))))))
                          (if (i32.ge_s (local.get $c0) (local.get $nxy))
                            (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.sub (i32.add (local.get $az) (local.get $q)) (local.get $o2))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $o2))))))))
                          (if (i32.lt_s (i32.add (local.get $c0) (local.get $nxy)) (local.get $n))
                            (then (local.set $s (f64.sub (local.get $s) (f64.mul (f64.load (i32.add (local.get $az) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $o2))))))))
                          (f64.store (i32.add (local.get $x) (local.get $q)) (f64.div (local.get $s) (local.get $d))))))
                    (local.set $m (i32.add (local.get $m) (i32.const 1)))
                    (br $rowLoop)))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $steps)))
            ;; The neighbours left out must have ended finite: forward, every row's last cell but the
            ;; group's last row's; backward, every row's first cell but the group's lowest row's.
            (local.set $m (i32.const 1))
            (block $checkDone
              (loop $check
                (br_if $checkDone (i32.ge_s (local.get $m) (local.get $rows)))
                (local.set $ok (i32.and (local.get $ok) (call $finite (local.get $x)
                  (if (result i32) (local.get $fwd)
                    (then (i32.sub (i32.add (local.get $first) (i32.mul (local.get $m) (local.get $nx))) (i32.const 1)))
                    (else (i32.add (local.get $first) (i32.mul (local.get $m) (local.get $nx))))))))
                (local.set $m (i32.add (local.get $m) (i32.const 1)))
                (br $check)))
            (if (i32.eqz (local.get $ok))
              (then
                (memory.copy (i32.add (local.get $x) (i32.shl (local.get $first) (i32.const 3))) (local.get $save) (local.get $bytes))
                (if (local.get $fwd)
                  (then (call $run (local.get $first) (i32.add (local.get $first) (i32.mul (local.get $rows) (local.get $nx))) (i32.const 1)
                    (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $b) (local.get $x)))
                  (else (call $run (i32.sub (i32.add (local.get $first) (i32.mul (local.get $rows) (local.get $nx))) (i32.const 1)) (i32.sub (local.get $first) (i32.const 1)) (i32.const -1)
                    (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $b) (local.get $x))))))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $groupLoop)))
        (local.set $k (if (result i32) (local.get $fwd) (then (i32.add (local.get $k) (i32.const 1))) (else (i32.sub (local.get $k) (i32.const 1)))))
        (br $layers))))

  (func (export "sweepForward") (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32) (param $save i32)
    (call $sweep (i32.const 1) (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $b) (local.get $x) (local.get $save)))

  (func (export "sweepBackward") (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32) (param $save i32)
    (call $sweep (i32.const 0) (local.get $n) (local.get $nx) (local.get $nxy) (local.get $diag) (local.get $ax) (local.get $ay) (local.get $az) (local.get $b) (local.get $x) (local.get $save)))

  ;; (A·x)[c], in $residual and $multiply: v = diag[c]·x[c] + ax[c−1]·x[c−1] + ax[c]·x[c+1]
  ;;     + ay[c−nx]·x[c−nx] + ay[c]·x[c+nx] + az[c−nxy]·x[c−nxy] + az[c]·x[c+nxy] (each term where
  ;;     that neighbour is inside 0 … n − 1), written out in both (a call per cell costs more).

  ;; multigrid3.ts residual: r[c] = b[c] − (A·x)[c] where diag[c] > 0, else r[c] = 0.
  (func $residual (export "residual") (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $b i32) (param $x i32) (param $r i32)
    (local $c i32) (local $q i32) (local $v f64) (local $o i32)
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $c) (local.get $n)))
        (local.set $q (i32.shl (local.get $c) (i32.const 3)))
        (if (f64.le (f64.load (i32.add (local.get $diag) (local.get $q))) (f64.const 0))
          (then (f64.store (i32.add (local.get $r) (local.get $q)) (f64.const 0)))
          (else (f64.store (i32.add (local.get $r) (local.get $q))
            (f64.sub (f64.load (i32.add (local.get $b) (local.get $q)))
              (block (result f64)
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
    (local.get $v))))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cells))))

  ;; pressure.ts multiply: y[c] = (A·x)[c] for every cell.
  (func $multiply (export "multiply") (param $n i32) (param $nx i32) (param $nxy i32) (param $diag i32) (param $ax i32) (param $ay i32) (param $az i32) (param $x i32) (param $y i32)
    (local $c i32) (local $q i32) (local $v f64) (local $o i32)
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $c) (local.get $n)))
        (local.set $q (i32.shl (local.get $c) (i32.const 3)))
        (f64.store (i32.add (local.get $y) (local.get $q))
          (block (result f64)
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
    (local.get $v)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $cells))))

  ;; momentum.ts sweepMomentum, one component's faces (its grid sx × sy × sz from face `off`):
  ;; forward (fwd = 1) in index order, backward in reverse; an active face f (isActive[f] ≠ 0)
  ;; becomes acc / diag[f], acc = rhs[f] + Σ c·vel[nb] over its couplings c = a[6f … 6f + 5] to the
  ;; −x, +x, −y, +y, −z, +z face, each term only where c ≠ 0. Up to 8 rows of a layer are swept
  ;; together as a wavefront, row m of a group one face behind row m − 1: every face still reads
  ;; exactly the values the face-by-face order gives it (its own row's face before it, updated;
  ;; the one after it and the next row's, not yet; the previous row's, updated: that row is a step
  ;; ahead; the layers before and after, done and not yet). A row's ±x couplings across its ends
  ;; would be read out of order, but momentum.ts assembles those as 0 (a wall or the grid's edge),
  ;; and a zero coupling is never read. So vel is the same bits, while the rows' update chains (each
  ;; waits on its neighbour's division) overlap.
  (func (export "sweepMomentum") (param $off i32) (param $sx i32) (param $sy i32) (param $sz i32) (param $fwd i32) (param $isActive i32) (param $a i32) (param $diag i32) (param $rhs i32) (param $vel i32)
    (local $k i32) (local $g i32) (local $groups i32) (local $j0 i32) (local $rows i32) (local $first i32) (local $t i32) (local $tEnd i32) (local $m i32) (local $mEnd i32) (local $f i32) (local $q i32) (local $o i32) (local $oy i32) (local $oz i32) (local $acc f64) (local $cf f64)
    (local.set $oy (i32.shl (local.get $sx) (i32.const 3)))
    (local.set $oz (i32.shl (i32.mul (local.get $sx) (local.get $sy)) (i32.const 3)))
    (local.set $groups (i32.div_u (i32.add (local.get $sy) (i32.const 7)) (i32.const 8)))
    (local.set $k (if (result i32) (local.get $fwd) (then (i32.const 0)) (else (i32.sub (local.get $sz) (i32.const 1)))))
    (block $layersDone
      (loop $layers
        (br_if $layersDone (i32.or (i32.lt_s (local.get $k) (i32.const 0)) (i32.ge_s (local.get $k) (local.get $sz))))
        (local.set $g (i32.const 0))
        (block $groupsDone
          (loop $groupLoop
            (br_if $groupsDone (i32.ge_s (local.get $g) (local.get $groups)))
            (if (local.get $fwd)
              (then
                (local.set $j0 (i32.mul (local.get $g) (i32.const 8)))
                (local.set $rows (i32.sub (local.get $sy) (local.get $j0))))
              (else
                (local.set $j0 (i32.sub (i32.sub (local.get $sy) (i32.const 1)) (i32.mul (local.get $g) (i32.const 8))))
                (local.set $rows (i32.add (local.get $j0) (i32.const 1)))))
            (if (i32.gt_s (local.get $rows) (i32.const 8)) (then (local.set $rows (i32.const 8))))
            ;; The group's lowest face.
            (local.set $first (i32.add (local.get $off) (i32.add (i32.mul (local.get $k) (i32.mul (local.get $sx) (local.get $sy)))
              (i32.mul (local.get $sx) (if (result i32) (local.get $fwd) (then (local.get $j0)) (else (i32.add (i32.sub (local.get $j0) (local.get $rows)) (i32.const 1))))))))
            (local.set $t (i32.const 0))
            (local.set $tEnd (i32.sub (i32.add (local.get $sx) (local.get $rows)) (i32.const 1)))
            (block $stepsDone
              (loop $steps
                (br_if $stepsDone (i32.ge_s (local.get $t) (local.get $tEnd)))
                (local.set $m (i32.sub (i32.add (local.get $t) (i32.const 1)) (local.get $sx)))
                (if (i32.lt_s (local.get $m) (i32.const 0)) (then (local.set $m (i32.const 0))))
                (local.set $mEnd (local.get $t))
                (if (i32.gt_s (local.get $mEnd) (i32.sub (local.get $rows) (i32.const 1))) (then (local.set $mEnd (i32.sub (local.get $rows) (i32.const 1)))))
                (block $rowsDone
                  (loop $rowLoop
                    (br_if $rowsDone (i32.gt_s (local.get $m) (local.get $mEnd)))
                    ;; forward: row m at x-index t − m; backward: row rows − 1 − m from the lowest,
                    ;; at x-index sx − 1 − (t − m)
                    (local.set $f (if (result i32) (local.get $fwd)
                      (then (i32.add (i32.add (local.get $first) (i32.mul (local.get $m) (local.get $sx))) (i32.sub (local.get $t) (local.get $m))))
                      (else (i32.add (i32.add (local.get $first) (i32.mul (i32.sub (i32.sub (local.get $rows) (i32.const 1)) (local.get $m)) (local.get $sx)))
                        (i32.sub (i32.sub (local.get $sx) (i32.const 1)) (i32.sub (local.get $t) (local.get $m)))))))
                    (if (i32.load8_u (i32.add (local.get $isActive) (local.get $f)))
                      (then
                      (local.set $q (i32.shl (local.get $f) (i32.const 3)))
                      (local.set $o (i32.add (local.get $a) (i32.mul (local.get $f) (i32.const 48))))
                      (local.set $acc (f64.load (i32.add (local.get $rhs) (local.get $q))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 0))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.sub (local.get $q) (i32.const 8)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 8))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.add (local.get $q) (i32.const 8)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 16))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.sub (local.get $q) (local.get $oy)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 24))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.add (local.get $q) (local.get $oy)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 32))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.sub (local.get $q) (local.get $oz)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 40))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.add (local.get $q) (local.get $oz)))))))))
                      (f64.store (i32.add (local.get $vel) (local.get $q)) (f64.div (local.get $acc) (f64.load (i32.add (local.get $diag) (local.get $q)))))))
                    (local.set $m (i32.add (local.get $m) (i32.const 1)))
                    (br $rowLoop)))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $steps)))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $groupLoop)))
        (local.set $k (if (result i32) (local.get $fwd) (then (i32.add (local.get $k) (i32.const 1))) (else (i32.sub (local.get $k) (i32.const 1)))))
        (br $layers))))

  ;; temperature.ts solveTemperatureSweeps, one sweep over the cells (grid nx × ny × nz): forward
  ;; (fwd = 1) in index order, backward in reverse; a cell c with aP[c] > 0 (or NaN) becomes
  ;; v = acc / aP[c], acc = b[c] + extra[c] + Σ a·t[nb] over its couplings a = a[6c … 6c + 5] to
  ;; the −x, +x, −y, +y, −z, +z cell, each term only where a ≠ 0; returns the largest |v − t[c]|
  ;; (0 if none is larger; a NaN change counts as none, as in the loop). Rows as a wavefront as in
  ;; sweepMomentum: the same bits, as temperature.ts assembles no coupling past the grid's edge
  ;; (and the largest change is the same whatever order the cells come in).
  (func (export "sweepTemperature") (param $sx i32) (param $sy i32) (param $sz i32) (param $fwd i32) (param $aP i32) (param $a i32) (param $b i32) (param $extra i32) (param $vel i32) (result f64)
    (local $off i32) (local $p f64) (local $v f64) (local $dv f64) (local $change f64)
    (local $k i32) (local $g i32) (local $groups i32) (local $j0 i32) (local $rows i32) (local $first i32) (local $t i32) (local $tEnd i32) (local $m i32) (local $mEnd i32) (local $f i32) (local $q i32) (local $o i32) (local $oy i32) (local $oz i32) (local $acc f64) (local $cf f64)
    (local.set $oy (i32.shl (local.get $sx) (i32.const 3)))
    (local.set $oz (i32.shl (i32.mul (local.get $sx) (local.get $sy)) (i32.const 3)))
    (local.set $groups (i32.div_u (i32.add (local.get $sy) (i32.const 7)) (i32.const 8)))
    (local.set $k (if (result i32) (local.get $fwd) (then (i32.const 0)) (else (i32.sub (local.get $sz) (i32.const 1)))))
    (block $layersDone
      (loop $layers
        (br_if $layersDone (i32.or (i32.lt_s (local.get $k) (i32.const 0)) (i32.ge_s (local.get $k) (local.get $sz))))
        (local.set $g (i32.const 0))
        (block $groupsDone
          (loop $groupLoop
            (br_if $groupsDone (i32.ge_s (local.get $g) (local.get $groups)))
            (if (local.get $fwd)
              (then
                (local.set $j0 (i32.mul (local.get $g) (i32.const 8)))
                (local.set $rows (i32.sub (local.get $sy) (local.get $j0))))
              (else
                (local.set $j0 (i32.sub (i32.sub (local.get $sy) (i32.const 1)) (i32.mul (local.get $g) (i32.const 8))))
                (local.set $rows (i32.add (local.get $j0) (i32.const 1)))))
            (if (i32.gt_s (local.get $rows) (i32.const 8)) (then (local.set $rows (i32.const 8))))
            ;; The group's lowest face.
            (local.set $first (i32.add (local.get $off) (i32.add (i32.mul (local.get $k) (i32.mul (local.get $sx) (local.get $sy)))
              (i32.mul (local.get $sx) (if (result i32) (local.get $fwd) (then (local.get $j0)) (else (i32.add (i32.sub (local.get $j0) (local.get $rows)) (i32.const 1))))))))
            (local.set $t (i32.const 0))
            (local.set $tEnd (i32.sub (i32.add (local.get $sx) (local.get $rows)) (i32.const 1)))
            (block $stepsDone
              (loop $steps
                (br_if $stepsDone (i32.ge_s (local.get $t) (local.get $tEnd)))
                (local.set $m (i32.sub (i32.add (local.get $t) (i32.const 1)) (local.get $sx)))
                (if (i32.lt_s (local.get $m) (i32.const 0)) (then (local.set $m (i32.const 0))))
                (local.set $mEnd (local.get $t))
                (if (i32.gt_s (local.get $mEnd) (i32.sub (local.get $rows) (i32.const 1))) (then (local.set $mEnd (i32.sub (local.get $rows) (i32.const 1)))))
                (block $rowsDone
                  (loop $rowLoop
                    (br_if $rowsDone (i32.gt_s (local.get $m) (local.get $mEnd)))
                    ;; forward: row m at x-index t − m; backward: row rows − 1 − m from the lowest,
                    ;; at x-index sx − 1 − (t − m)
                    (local.set $f (if (result i32) (local.get $fwd)
                      (then (i32.add (i32.add (local.get $first) (i32.mul (local.get $m) (local.get $sx))) (i32.sub (local.get $t) (local.get $m))))
                      (else (i32.add (i32.add (local.get $first) (i32.mul (i32.sub (i32.sub (local.get $rows) (i32.const 1)) (local.get $m)) (local.get $sx)))
                        (i32.sub (i32.sub (local.get $sx) (i32.const 1)) (i32.sub (local.get $t) (local.get $m)))))))
                    (block $skip
                      (local.set $q (i32.shl (local.get $f) (i32.const 3)))
                      (local.set $p (f64.load (i32.add (local.get $aP) (local.get $q))))
                      (br_if $skip (f64.le (local.get $p) (f64.const 0)))
                      (local.set $o (i32.add (local.get $a) (i32.mul (local.get $f) (i32.const 48))))
                      (local.set $acc (f64.add (f64.load (i32.add (local.get $b) (local.get $q))) (f64.load (i32.add (local.get $extra) (local.get $q)))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 0))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.sub (local.get $q) (i32.const 8)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 8))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.add (local.get $q) (i32.const 8)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 16))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.sub (local.get $q) (local.get $oy)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 24))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.add (local.get $q) (local.get $oy)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 32))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.sub (local.get $q) (local.get $oz)))))))))
                      (local.set $cf (f64.load (i32.add (local.get $o) (i32.const 40))))
                      (if (f64.ne (local.get $cf) (f64.const 0))
                        (then (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $cf) (f64.load (i32.add (local.get $vel) (i32.add (local.get $q) (local.get $oz)))))))))
                      (local.set $v (f64.div (local.get $acc) (local.get $p)))
                      (local.set $dv (f64.abs (f64.sub (local.get $v) (f64.load (i32.add (local.get $vel) (local.get $q))))))
                      (if (f64.gt (local.get $dv) (local.get $change)) (then (local.set $change (local.get $dv))))
                      (f64.store (i32.add (local.get $vel) (local.get $q)) (local.get $v)))
                    (local.set $m (i32.add (local.get $m) (i32.const 1)))
                    (br $rowLoop)))
                (local.set $t (i32.add (local.get $t) (i32.const 1)))
                (br $steps)))
            (local.set $g (i32.add (local.get $g) (i32.const 1)))
            (br $groupLoop)))
        (local.set $k (if (result i32) (local.get $fwd) (then (i32.add (local.get $k) (i32.const 1))) (else (i32.sub (local.get $k) (i32.const 1)))))
        (br $layers)))
    (local.get $change))
)
