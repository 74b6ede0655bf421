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

  ;; temperature.ts assembleTemperature: the temperature system for the face velocities vel, the
  ;; eddy viscosity nuT and the last temperatures prev (per cell), over a time step dt (∞: steady).
  ;; The loop temperature.ts had, operation for operation in the same order (its comments say what
  ;; each term is; a[] zeroed before): aP = V/Δt (0 when Δt is not finite), b = aP·T_prev +
  ;; heat/(ρ·c_p) per cell; then the faces in index order (x-faces, y-faces, z-faces; i fastest),
  ;; between cells lo and hi (−1: none), fluid where inside the grid and not solid: a closed face
  ;; adds nothing; a free face between two fluid cells the upwind flux F = u·A and the diffusion
  ;; D = (α + ν_t/Pr_t)·A/h (ν_t the mean of the two cells, 0 on a porous face: pK > 0, when
  ;; `porous`) to both cells' aP and couplings; a face with fluid on one side only: outflow F > 0
  ;; on aP, inflow (F < 0) nothing for a unit's exhaust (faceUnit ≥ 0), else −F·T_in on b where the
  ;; face has an inflow temperature (finite), else F on aP.
  (func (export "assembleTemperature")
      (param $nx i32) (param $ny i32) (param $nz i32) (param $dx f64) (param $dy f64) (param $dz f64) (param $dt f64)
      (param $rhoCp f64) (param $alpha f64) (param $prandtlT f64) (param $kFree i32) (param $kClosed i32) (param $porous i32)
      (param $vel i32) (param $nuT i32) (param $prev i32) (param $heatW i32) (param $kind i32) (param $solid i32) (param $pK i32) (param $faceUnit i32) (param $inflowC i32)
      (param $a i32) (param $aP i32) (param $b i32)
    (local $n i32) (local $nxy i32) (local $axis i32) (local $sx i32) (local $sy i32) (local $sz i32) (local $nA i32) (local $cs i32)
    (local $i i32) (local $j i32) (local $k i32) (local $f i32) (local $q i32) (local $kf i32) (local $tA i32) (local $raw i32)
    (local $lo i32) (local $hi i32) (local $fl i32) (local $fh i32) (local $cell i32) (local $p i32)
    (local $vol f64) (local $p0 f64) (local $area f64) (local $h f64) (local $F f64) (local $eddy f64) (local $D f64) (local $up f64) (local $dn f64) (local $tin f64)
    (local.set $nxy (i32.mul (local.get $nx) (local.get $ny)))
    (local.set $n (i32.mul (local.get $nxy) (local.get $nz)))
    (local.set $vol (f64.mul (f64.mul (local.get $dx) (local.get $dy)) (local.get $dz)))
    (local.set $p0 (select (f64.div (local.get $vol) (local.get $dt)) (f64.const 0) (f64.eq (f64.sub (local.get $dt) (local.get $dt)) (f64.const 0))))
    (block $cellsDone
      (loop $cells
        (br_if $cellsDone (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $q (i32.shl (local.get $i) (i32.const 3)))
        (f64.store (i32.add (local.get $aP) (local.get $q)) (local.get $p0))
        (f64.store (i32.add (local.get $b) (local.get $q))
          (f64.add (f64.mul (local.get $p0) (f64.load (i32.add (local.get $prev) (local.get $q)))) (f64.div (f64.load (i32.add (local.get $heatW) (local.get $q))) (local.get $rhoCp))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $cells)))
    (local.set $f (i32.const 0))
    (local.set $axis (i32.const 0))
    (loop $axes
      (local.set $sx (i32.add (local.get $nx) (i32.eqz (local.get $axis))))
      (local.set $sy (i32.add (local.get $ny) (i32.eq (local.get $axis) (i32.const 1))))
      (local.set $sz (i32.add (local.get $nz) (i32.eq (local.get $axis) (i32.const 2))))
      (local.set $nA (select (local.get $sx) (select (local.get $sy) (local.get $sz) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      (local.set $cs (select (i32.const 1) (select (local.get $nx) (local.get $nxy) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      ;; the face's area (grid3.ts faceArea) and the cell size along the axis
      (local.set $area (select (f64.mul (local.get $dy) (local.get $dz)) (select (f64.mul (local.get $dx) (local.get $dz)) (f64.mul (local.get $dx) (local.get $dy)) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      (local.set $h (select (local.get $dx) (select (local.get $dy) (local.get $dz) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      (local.set $k (i32.const 0))
      (loop $layers
        (local.set $j (i32.const 0))
        (loop $rows
          (local.set $i (i32.const 0))
          (loop $faces
            (block $next
              (local.set $kf (i32.load8_u (i32.add (local.get $kind) (local.get $f))))
              (br_if $next (i32.eq (local.get $kf) (local.get $kClosed)))
              (local.set $tA (select (local.get $i) (select (local.get $j) (local.get $k) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
              (local.set $raw (i32.add (local.get $i) (i32.mul (local.get $nx) (i32.add (local.get $j) (i32.mul (local.get $ny) (local.get $k))))))
              (local.set $hi (select (local.get $raw) (i32.const -1) (i32.lt_s (local.get $tA) (i32.sub (local.get $nA) (i32.const 1)))))
              (local.set $lo (select (i32.sub (local.get $raw) (local.get $cs)) (i32.const -1) (i32.gt_s (local.get $tA) (i32.const 0))))
              (local.set $fl (if (result i32) (i32.ge_s (local.get $lo) (i32.const 0)) (then (i32.eqz (i32.load8_u (i32.add (local.get $solid) (local.get $lo))))) (else (i32.const 0))))
              (local.set $fh (if (result i32) (i32.ge_s (local.get $hi) (i32.const 0)) (then (i32.eqz (i32.load8_u (i32.add (local.get $solid) (local.get $hi))))) (else (i32.const 0))))
              (local.set $q (i32.shl (local.get $f) (i32.const 3)))
              (if (i32.and (i32.and (local.get $fl) (local.get $fh)) (i32.eq (local.get $kf) (local.get $kFree)))
                (then
                  (local.set $F (f64.mul (f64.load (i32.add (local.get $vel) (local.get $q))) (local.get $area)))
                  (local.set $eddy
                    (if (result f64) (if (result i32) (local.get $porous) (then (f64.gt (f64.load (i32.add (local.get $pK) (local.get $q))) (f64.const 0))) (else (i32.const 0)))
                      (then (f64.const 0))
                      (else (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $nuT) (i32.shl (local.get $lo) (i32.const 3)))) (f64.load (i32.add (local.get $nuT) (i32.shl (local.get $hi) (i32.const 3)))))))))
                  (local.set $D (f64.div (f64.mul (f64.add (local.get $alpha) (f64.div (local.get $eddy) (local.get $prandtlT))) (local.get $area)) (local.get $h)))
                  (local.set $up (f64.max (local.get $F) (f64.const 0)))
                  (local.set $dn (f64.max (f64.neg (local.get $F)) (f64.const 0)))
                  (local.set $p (i32.add (local.get $aP) (i32.shl (local.get $lo) (i32.const 3))))
                  (f64.store (local.get $p) (f64.add (f64.add (f64.load (local.get $p)) (local.get $up)) (local.get $D)))
                  (local.set $p (i32.add (local.get $aP) (i32.shl (local.get $hi) (i32.const 3))))
                  (f64.store (local.get $p) (f64.add (f64.add (f64.load (local.get $p)) (local.get $dn)) (local.get $D)))
                  (f64.store (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $lo) (i32.const 6)) (i32.add (i32.shl (local.get $axis) (i32.const 1)) (i32.const 1))) (i32.const 3)))
                    (f64.add (local.get $dn) (local.get $D)))
                  (f64.store (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $hi) (i32.const 6)) (i32.shl (local.get $axis) (i32.const 1))) (i32.const 3)))
                    (f64.add (local.get $up) (local.get $D)))
                  (br $next)))
              (br_if $next (i32.eq (local.get $fl) (local.get $fh)))
              (local.set $cell (select (local.get $lo) (local.get $hi) (local.get $fl)))
              (local.set $F (f64.mul (f64.mul (select (f64.const 1) (f64.const -1) (local.get $fl)) (f64.load (i32.add (local.get $vel) (local.get $q)))) (local.get $area)))
              (if (f64.gt (local.get $F) (f64.const 0))
                (then
                  (local.set $p (i32.add (local.get $aP) (i32.shl (local.get $cell) (i32.const 3))))
                  (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $F)))
                  (br $next)))
              (br_if $next (i32.eqz (f64.lt (local.get $F) (f64.const 0))))
              ;; air entering: a unit's exhaust is added per sweep
              (br_if $next (i32.ge_s (i32.load (i32.add (local.get $faceUnit) (i32.shl (local.get $f) (i32.const 2)))) (i32.const 0)))
              (local.set $tin (f64.load (i32.add (local.get $inflowC) (local.get $q))))
              (if (f64.eq (f64.sub (local.get $tin) (local.get $tin)) (f64.const 0))
                (then
                  (local.set $p (i32.add (local.get $b) (i32.shl (local.get $cell) (i32.const 3))))
                  (f64.store (local.get $p) (f64.sub (f64.load (local.get $p)) (f64.mul (local.get $F) (local.get $tin)))))
                (else
                  (local.set $p (i32.add (local.get $aP) (i32.shl (local.get $cell) (i32.const 3))))
                  (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $F))))))
            (local.set $f (i32.add (local.get $f) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $faces (i32.lt_s (local.get $i) (local.get $sx))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $rows (i32.lt_s (local.get $j) (local.get $sy))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $layers (i32.lt_s (local.get $k) (local.get $sz))))
      (local.set $axis (i32.add (local.get $axis) (i32.const 1)))
      (br_if $axes (i32.lt_s (local.get $axis) (i32.const 3)))))

  ;; ffd.ts divergence: out[c] = (u[fu+1] − u[fu])/dx + (v[fv+nx] − v[fv])/dy + (w[fw+nxy] − w[fw])/dz
  ;; for every fluid cell c (its six faces: grid3.ts layout), 0 in a solid (solid[c] ≠ 0); negated
  ;; (−out, also −0 for a solid) when `negate` is 1, as project() negated it after the loop.
  (func (export "divergence") (param $nx i32) (param $ny i32) (param $nz i32) (param $dx f64) (param $dy f64) (param $dz f64) (param $negate i32) (param $solid i32) (param $vel i32) (param $out i32)
    (local $nxy i32) (local $nU i32) (local $nV i32) (local $i i32) (local $j i32) (local $k i32) (local $c i32) (local $fu i32) (local $fv i32) (local $fw i32) (local $v f64)
    (local.set $nxy (i32.mul (local.get $nx) (local.get $ny)))
    (local.set $nU (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.mul (local.get $ny) (local.get $nz))))
    (local.set $nV (i32.mul (local.get $nx) (i32.mul (i32.add (local.get $ny) (i32.const 1)) (local.get $nz))))
    (loop $layers
      (local.set $j (i32.const 0))
      (loop $rows
        (local.set $i (i32.const 0))
        (loop $cells
          (local.set $v (f64.const 0))
          (if (i32.eqz (i32.load8_u (i32.add (local.get $solid) (local.get $c))))
            (then
              (local.set $fu (i32.add (local.get $i) (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.add (local.get $j) (i32.mul (local.get $ny) (local.get $k))))))
              (local.set $fv (i32.add (local.get $nU) (i32.add (local.get $i) (i32.mul (local.get $nx) (i32.add (local.get $j) (i32.mul (i32.add (local.get $ny) (i32.const 1)) (local.get $k)))))))
              (local.set $fw (i32.add (i32.add (local.get $nU) (local.get $nV)) (local.get $c)))
              (local.set $v (f64.add
                (f64.add
                  (f64.div (f64.sub (f64.load (i32.add (local.get $vel) (i32.shl (i32.add (local.get $fu) (i32.const 1)) (i32.const 3)))) (f64.load (i32.add (local.get $vel) (i32.shl (local.get $fu) (i32.const 3))))) (local.get $dx))
                  (f64.div (f64.sub (f64.load (i32.add (local.get $vel) (i32.shl (i32.add (local.get $fv) (local.get $nx)) (i32.const 3)))) (f64.load (i32.add (local.get $vel) (i32.shl (local.get $fv) (i32.const 3))))) (local.get $dy)))
                (f64.div (f64.sub (f64.load (i32.add (local.get $vel) (i32.shl (i32.add (local.get $fw) (local.get $nxy)) (i32.const 3)))) (f64.load (i32.add (local.get $vel) (i32.shl (local.get $fw) (i32.const 3))))) (local.get $dz))))))
          (if (local.get $negate) (then (local.set $v (f64.neg (local.get $v)))))
          (f64.store (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 3))) (local.get $v))
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $cells (i32.lt_s (local.get $i) (local.get $nx))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $rows (i32.lt_s (local.get $j) (local.get $ny))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $layers (i32.lt_s (local.get $k) (local.get $nz)))))

  ;; ffd.ts project, after the pressure solve: every face of kind $kFree or $kOpening loses ∂φ/∂n,
  ;; vel[f] = vel[f] − (φ[hi] − φ[lo])/h between its cells lo and hi (an opening: φ = 0 on the face,
  ;; half a cell from its one cell: φ[hi]/(h/2) with no lower cell, else −φ[lo]/(h/2)); the faces
  ;; in index order. A free face on the grid's edge (domain.ts makes none) reads φ outside the grid
  ;; as NaN, as the loop read undefined there.
  (func (export "subtractGradient") (param $nx i32) (param $ny i32) (param $nz i32) (param $dx f64) (param $dy f64) (param $dz f64) (param $kFree i32) (param $kOpening i32) (param $kind i32) (param $phi i32) (param $vel i32)
    (local $nxy i32) (local $axis i32) (local $sx i32) (local $sy i32) (local $sz i32) (local $nA i32) (local $cs i32)
    (local $i i32) (local $j i32) (local $k i32) (local $f i32) (local $kf i32) (local $tA i32) (local $raw i32) (local $lo i32) (local $hi i32) (local $q i32)
    (local $h f64) (local $g f64) (local $pl f64) (local $ph f64)
    (local.set $nxy (i32.mul (local.get $nx) (local.get $ny)))
    (loop $axes
      (local.set $sx (i32.add (local.get $nx) (i32.eqz (local.get $axis))))
      (local.set $sy (i32.add (local.get $ny) (i32.eq (local.get $axis) (i32.const 1))))
      (local.set $sz (i32.add (local.get $nz) (i32.eq (local.get $axis) (i32.const 2))))
      (local.set $nA (select (local.get $sx) (select (local.get $sy) (local.get $sz) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      (local.set $cs (select (i32.const 1) (select (local.get $nx) (local.get $nxy) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      (local.set $h (select (local.get $dx) (select (local.get $dy) (local.get $dz) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      (local.set $k (i32.const 0))
      (loop $layers
        (local.set $j (i32.const 0))
        (loop $rows
          (local.set $i (i32.const 0))
          (loop $faces
            (local.set $kf (i32.load8_u (i32.add (local.get $kind) (local.get $f))))
            (if (i32.or (i32.eq (local.get $kf) (local.get $kFree)) (i32.eq (local.get $kf) (local.get $kOpening)))
              (then
                (local.set $tA (select (local.get $i) (select (local.get $j) (local.get $k) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
                (local.set $raw (i32.add (local.get $i) (i32.mul (local.get $nx) (i32.add (local.get $j) (i32.mul (local.get $ny) (local.get $k))))))
                (local.set $hi (select (local.get $raw) (i32.const -1) (i32.lt_s (local.get $tA) (i32.sub (local.get $nA) (i32.const 1)))))
                (local.set $lo (select (i32.sub (local.get $raw) (local.get $cs)) (i32.const -1) (i32.gt_s (local.get $tA) (i32.const 0))))
                (local.set $ph (if (result f64) (i32.ge_s (local.get $hi) (i32.const 0)) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $hi) (i32.const 3))))) (else (f64.const nan))))
                (local.set $pl (if (result f64) (i32.ge_s (local.get $lo) (i32.const 0)) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $lo) (i32.const 3))))) (else (f64.const nan))))
                (local.set $g
                  (if (result f64) (i32.eq (local.get $kf) (local.get $kOpening))
                    (then (f64.div (select (local.get $ph) (f64.neg (local.get $pl)) (i32.lt_s (local.get $lo) (i32.const 0))) (f64.mul (f64.const 0.5) (local.get $h))))
                    (else (f64.div (f64.sub (local.get $ph) (local.get $pl)) (local.get $h)))))
                (local.set $q (i32.add (local.get $vel) (i32.shl (local.get $f) (i32.const 3))))
                (f64.store (local.get $q) (f64.sub (f64.load (local.get $q)) (local.get $g)))))
            (local.set $f (i32.add (local.get $f) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $faces (i32.lt_s (local.get $i) (local.get $sx))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $rows (i32.lt_s (local.get $j) (local.get $sy))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $layers (i32.lt_s (local.get $k) (local.get $sz))))
      (local.set $axis (i32.add (local.get $axis) (i32.const 1)))
      (br_if $axes (i32.lt_s (local.get $axis) (i32.const 3)))))

  ;; diffuse.ts faceViscosity: every face's effective viscosity, out[f] = ν + (the mean of ν_t of
  ;; the fluid cells either side: both, the one, or 0 with none), a cell fluid where inside the grid
  ;; and not solid; the faces in index order.
  (func (export "faceViscosity") (param $nx i32) (param $ny i32) (param $nz i32) (param $nu f64) (param $solid i32) (param $nuT i32) (param $out i32)
    (local $nxy i32) (local $axis i32) (local $sx i32) (local $sy i32) (local $sz i32) (local $nA i32) (local $cs i32)
    (local $i i32) (local $j i32) (local $k i32) (local $f i32) (local $tA i32) (local $raw i32) (local $lo i32) (local $hi i32) (local $fl i32) (local $fh i32) (local $e f64)
    (local.set $nxy (i32.mul (local.get $nx) (local.get $ny)))
    (loop $axes
      (local.set $sx (i32.add (local.get $nx) (i32.eqz (local.get $axis))))
      (local.set $sy (i32.add (local.get $ny) (i32.eq (local.get $axis) (i32.const 1))))
      (local.set $sz (i32.add (local.get $nz) (i32.eq (local.get $axis) (i32.const 2))))
      (local.set $nA (select (local.get $sx) (select (local.get $sy) (local.get $sz) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      (local.set $cs (select (i32.const 1) (select (local.get $nx) (local.get $nxy) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      (local.set $k (i32.const 0))
      (loop $layers
        (local.set $j (i32.const 0))
        (loop $rows
          (local.set $i (i32.const 0))
          (loop $faces
            (local.set $tA (select (local.get $i) (select (local.get $j) (local.get $k) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
            (local.set $raw (i32.add (local.get $i) (i32.mul (local.get $nx) (i32.add (local.get $j) (i32.mul (local.get $ny) (local.get $k))))))
            (local.set $hi (select (local.get $raw) (i32.const -1) (i32.lt_s (local.get $tA) (i32.sub (local.get $nA) (i32.const 1)))))
            (local.set $lo (select (i32.sub (local.get $raw) (local.get $cs)) (i32.const -1) (i32.gt_s (local.get $tA) (i32.const 0))))
            (local.set $fl (if (result i32) (i32.ge_s (local.get $lo) (i32.const 0)) (then (i32.eqz (i32.load8_u (i32.add (local.get $solid) (local.get $lo))))) (else (i32.const 0))))
            (local.set $fh (if (result i32) (i32.ge_s (local.get $hi) (i32.const 0)) (then (i32.eqz (i32.load8_u (i32.add (local.get $solid) (local.get $hi))))) (else (i32.const 0))))
            (local.set $e
              (if (result f64) (i32.and (local.get $fl) (local.get $fh))
                (then (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $nuT) (i32.shl (local.get $lo) (i32.const 3)))) (f64.load (i32.add (local.get $nuT) (i32.shl (local.get $hi) (i32.const 3)))))))
                (else (if (result f64) (local.get $fl)
                  (then (f64.load (i32.add (local.get $nuT) (i32.shl (local.get $lo) (i32.const 3)))))
                  (else (if (result f64) (local.get $fh)
                    (then (f64.load (i32.add (local.get $nuT) (i32.shl (local.get $hi) (i32.const 3)))))
                    (else (f64.const 0))))))))
            (f64.store (i32.add (local.get $out) (i32.shl (local.get $f) (i32.const 3))) (f64.add (local.get $nu) (local.get $e)))
            (local.set $f (i32.add (local.get $f) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $faces (i32.lt_s (local.get $i) (local.get $sx))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $rows (i32.lt_s (local.get $j) (local.get $sy))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $layers (i32.lt_s (local.get $k) (local.get $sz))))
      (local.set $axis (i32.add (local.get $axis) (i32.const 1)))
      (br_if $axes (i32.lt_s (local.get $axis) (i32.const 3)))))

  ;; pressure.ts solvePoisson's vector loops (the conjugate gradients), c = 0 … n − 1 in order:
  ;; dot — Σ a[c]·b[c] (from +0, one term after another);
  (func (export "dot") (param $n i32) (param $a i32) (param $b i32) (result f64)
    (local $s f64) (local $q i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $terms
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (i32.add (local.get $a) (local.get $q))) (f64.load (i32.add (local.get $b) (local.get $q))))))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br $terms)))
    (local.get $s))

  ;; cgStep — φ[c] = φ[c] + α·s[c], r[c] = r[c] − α·Ax[c]; returns the largest |r[c]| (0 if none is
  ;; larger: a NaN counts as none, as `a > rmax` in the loop);
  (func (export "cgStep") (param $n i32) (param $alpha f64) (param $phi i32) (param $s i32) (param $r i32) (param $ax i32) (result f64)
    (local $rmax f64) (local $v f64) (local $q i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (f64.store (i32.add (local.get $phi) (local.get $q))
          (f64.add (f64.load (i32.add (local.get $phi) (local.get $q))) (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $s) (local.get $q))))))
        (local.set $v (f64.sub (f64.load (i32.add (local.get $r) (local.get $q))) (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $ax) (local.get $q))))))
        (f64.store (i32.add (local.get $r) (local.get $q)) (local.get $v))
        (local.set $v (f64.abs (local.get $v)))
        (if (f64.gt (local.get $v) (local.get $rmax)) (then (local.set $rmax (local.get $v))))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br $cells)))
    (local.get $rmax))

  ;; cgDirection — s[c] = z[c] + β·s[c].
  (func (export "cgDirection") (param $n i32) (param $beta f64) (param $z i32) (param $s i32)
    (local $q i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (f64.store (i32.add (local.get $s) (local.get $q))
          (f64.add (f64.load (i32.add (local.get $z) (local.get $q))) (f64.mul (local.get $beta) (f64.load (i32.add (local.get $s) (local.get $q))))))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br $cells))))

  ;; multigrid3.ts vcycle3's transfers between a level (nx × ny × nz) and the next coarser one
  ;; (cnx × cny cells a layer; cell (i, j, k) lies in the coarse cell (i >> shift, j / fy, k / fz),
  ;; shift = fx − 1), the cells in index order:
  ;; restrict — cb[C] = cb[C] + r[c] (cb zeroed before);
  (func (export "restrict") (param $nx i32) (param $ny i32) (param $nz i32) (param $shift i32) (param $fy i32) (param $fz i32) (param $cnx i32) (param $cny i32) (param $r i32) (param $cb i32)
    (local $i i32) (local $j i32) (local $k i32) (local $row i32) (local $q i32) (local $p i32)
    (block $layersDone
      (loop $layers
        (br_if $layersDone (i32.ge_s (local.get $k) (local.get $nz)))
        (local.set $j (i32.const 0))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_s (local.get $j) (local.get $ny)))
            (local.set $row (i32.mul (local.get $cnx) (i32.add (i32.div_u (local.get $j) (local.get $fy)) (i32.mul (local.get $cny) (i32.div_u (local.get $k) (local.get $fz))))))
            (local.set $i (i32.const 0))
            (block $cellsDone
              (loop $cells
                (br_if $cellsDone (i32.ge_s (local.get $i) (local.get $nx)))
                (local.set $p (i32.add (local.get $cb) (i32.shl (i32.add (local.get $row) (i32.shr_u (local.get $i) (local.get $shift))) (i32.const 3))))
                (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (f64.load (i32.add (local.get $r) (local.get $q)))))
                (local.set $q (i32.add (local.get $q) (i32.const 8)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $cells)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $rows)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $layers))))

  ;; prolong — x[c] = x[c] + cx[C] where diag[c] > 0.
  (func (export "prolong") (param $nx i32) (param $ny i32) (param $nz i32) (param $shift i32) (param $fy i32) (param $fz i32) (param $cnx i32) (param $cny i32) (param $diag i32) (param $cx i32) (param $x i32)
    (local $i i32) (local $j i32) (local $k i32) (local $row i32) (local $q i32)
    (block $layersDone
      (loop $layers
        (br_if $layersDone (i32.ge_s (local.get $k) (local.get $nz)))
        (local.set $j (i32.const 0))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_s (local.get $j) (local.get $ny)))
            (local.set $row (i32.mul (local.get $cnx) (i32.add (i32.div_u (local.get $j) (local.get $fy)) (i32.mul (local.get $cny) (i32.div_u (local.get $k) (local.get $fz))))))
            (local.set $i (i32.const 0))
            (block $cellsDone
              (loop $cells
                (br_if $cellsDone (i32.ge_s (local.get $i) (local.get $nx)))
                (if (f64.gt (f64.load (i32.add (local.get $diag) (local.get $q))) (f64.const 0))
                  (then (f64.store (i32.add (local.get $x) (local.get $q))
                    (f64.add (f64.load (i32.add (local.get $x) (local.get $q))) (f64.load (i32.add (local.get $cx) (i32.shl (i32.add (local.get $row) (i32.shr_u (local.get $i) (local.get $shift))) (i32.const 3))))))))
                (local.set $q (i32.add (local.get $q) (i32.const 8)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $cells)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $rows)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $layers))))

  ;; The van Leer deferred correction of assembleMomentum on one side of face f whose outward flux
  ;; F is not 0: the side's neighbour is f + sfs (sfs = s·fs, s = ±1), the face's index along that
  ;; direction t of nB. Returns F·½·ψ(r)·Δu for the right-hand side to subtract, or 0 where the
  ;; loop skipped it (the upwind-upwind face past the grid's edge or closed, Δu = 0): x − 0 is x,
  ;; every x, also −0 and NaN.
  (func $tvdTerm (param $F f64) (param $f i32) (param $sfs i32) (param $t i32) (param $s i32) (param $nB i32) (param $kind i32) (param $prev i32) (param $kClosed i32) (result f64)
    (local $pos i32) (local $nb i32) (local $up i32) (local $dn i32) (local $tUU i32) (local $uu i32) (local $du f64) (local $r f64) (local $psi f64)
    (local.set $pos (f64.gt (local.get $F) (f64.const 0)))
    (local.set $nb (i32.add (local.get $f) (local.get $sfs)))
    (local.set $up (select (local.get $f) (local.get $nb) (local.get $pos)))
    (local.set $dn (select (local.get $nb) (local.get $f) (local.get $pos)))
    (local.set $tUU (select (i32.sub (local.get $t) (local.get $s)) (i32.add (local.get $t) (i32.shl (local.get $s) (i32.const 1))) (local.get $pos)))
    (if (i32.or (i32.lt_s (local.get $tUU) (i32.const 0)) (i32.ge_s (local.get $tUU) (local.get $nB))) (then (return (f64.const 0))))
    (local.set $uu (select (i32.sub (local.get $f) (local.get $sfs)) (i32.add (local.get $f) (i32.shl (local.get $sfs) (i32.const 1))) (local.get $pos)))
    (if (i32.eq (i32.load8_u (i32.add (local.get $kind) (local.get $uu))) (local.get $kClosed)) (then (return (f64.const 0))))
    (local.set $du (f64.sub (f64.load (i32.add (local.get $prev) (i32.shl (local.get $dn) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (local.get $up) (i32.const 3))))))
    (if (f64.eq (local.get $du) (f64.const 0)) (then (return (f64.const 0))))
    (local.set $r (f64.div (f64.sub (f64.load (i32.add (local.get $prev) (i32.shl (local.get $up) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (local.get $uu) (i32.const 3))))) (local.get $du)))
    (local.set $psi (select (f64.div (f64.mul (f64.const 2) (local.get $r)) (f64.add (f64.const 1) (local.get $r))) (f64.const 0) (f64.gt (local.get $r) (f64.const 0))))
    (f64.mul (f64.mul (f64.mul (local.get $F) (f64.const 0.5)) (local.get $psi)) (local.get $du)))

  ;; momentum.ts assembleMomentum: the implicit momentum system of one step. For each face f of
  ;; kind $kFree or $kOpening (domain.ts's face kinds) its couplings a[6f … 6f + 5] to the −x, +x,
  ;; −y, +y, −z, +z face, diag[f] and rhs[f], from the lagged velocities prev, the face viscosities
  ;; nu, φ (phi, per cell), the cell temperatures (temp: buoyancy on the z-faces, when flags & 2)
  ;; and the porous sink (pK, pU: K and u_dev per face, when flags & 4, with the floor `floor` on
  ;; the gap speed); the other faces are left alone. flags: 1 the TVD deferred correction, 2 and
  ;; 4 as said, 8 · 16 · 32 slip walls normal to x · y · z. The loop momentum.ts had, operation for
  ;; operation in the same order: the faces in index order (x-faces, y-faces, z-faces; i fastest),
  ;; for each the −, + sides along x, y, z. Written out once per axis and per side (the same code
  ;; each time with the axis, the direction and the side fixed), so no step of it is a choice among
  ;; the three axes at run time:
  ;; - along the face's own axis: inside the grid, the flux F = ±½·(u_f + u_nb)/h; past the grid's
  ;;   edge (an opening) the outside: outflow F = ±u_f/h on the diagonal, the coupling 0;
  ;; - across: F from the two faces of the cells either side (cL, cR) on that side; a closed face
  ;;   or the grid's edge is a wall half a cell away: coupling 0, 2D + max(F, 0) on the diagonal,
  ;;   (2D + max(−F, 0))·u_wall on the right (u_wall the lid's speed on the y-max wall for the
  ;;   x-faces, else 0), nothing for a slip wall at the grid's edge;
  ;; - else the coupling D + max(−F, 0), D + max(F, 0) on the diagonal, and the TVD term ($tvdTerm).
  ;; A free face on the grid's edge (domain.ts makes none: those are fixed) reads φ outside the
  ;; grid as NaN, as the loop read undefined there.
  (func (export "assembleMomentum")
      (param $nx i32) (param $ny i32) (param $nz i32) (param $dx f64) (param $dy f64) (param $dz f64) (param $dt f64)
      (param $flags i32) (param $kFree i32) (param $kOpening i32) (param $kClosed i32)
      (param $gBeta f64) (param $refC f64) (param $lidU f64) (param $floor f64)
      (param $kind i32) (param $prev i32) (param $nu i32) (param $phi i32) (param $temp i32) (param $pK i32) (param $pU i32)
      (param $a i32) (param $diag i32) (param $rhs i32)
    (local $nxy i32) (local $nU i32) (local $nV i32) (local $tvd i32) (local $hasTemp i32) (local $porous i32) (local $slipx i32) (local $slipy i32) (local $slipz i32)
    (local $bs1x i32) (local $bs2x i32) (local $bs1y i32) (local $bs2y i32) (local $bs1z i32) (local $bs2z i32)
    (local $sx i32) (local $sy i32) (local $sz i32) (local $sxy i32) (local $nBx i32) (local $nBy i32) (local $nBz i32)
    (local $i i32) (local $j i32) (local $k i32) (local $f i32) (local $q i32) (local $am i32) (local $kf i32) (local $open i32)
    (local $rawRow i32) (local $raw i32) (local $hasR i32) (local $hasL i32) (local $cR i32) (local $cL i32) (local $in i32)
    (local $rowx i32) (local $rowy i32) (local $rowz i32) (local $f0 i32) (local $fLx i32) (local $fRx i32) (local $fLy i32) (local $fRy i32) (local $fLz i32) (local $fRz i32)
    (local $invDt f64) (local $ih2x f64) (local $ih2y f64) (local $ih2z f64) (local $ihx f64) (local $ihy f64) (local $ihz f64)
    (local $nuF f64) (local $pv f64) (local $dg f64) (local $acc f64) (local $Dx f64) (local $Dy f64) (local $Dz f64) (local $F f64) (local $c f64) (local $ud f64)
    (local.set $nxy (i32.mul (local.get $nx) (local.get $ny)))
    (local.set $nU (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.mul (local.get $ny) (local.get $nz))))
    (local.set $nV (i32.mul (local.get $nx) (i32.mul (i32.add (local.get $ny) (i32.const 1)) (local.get $nz))))
    (local.set $tvd (i32.and (local.get $flags) (i32.const 1)))
    (local.set $hasTemp (i32.and (i32.shr_u (local.get $flags) (i32.const 1)) (i32.const 1)))
    (local.set $porous (i32.and (i32.shr_u (local.get $flags) (i32.const 2)) (i32.const 1)))
    (local.set $slipx (i32.and (i32.shr_u (local.get $flags) (i32.const 3)) (i32.const 1)))
    (local.set $slipy (i32.and (i32.shr_u (local.get $flags) (i32.const 4)) (i32.const 1)))
    (local.set $slipz (i32.and (i32.shr_u (local.get $flags) (i32.const 5)) (i32.const 1)))
    ;; each component's grid's strides along y and z (along x: 1)
    (local.set $bs1x (i32.add (local.get $nx) (i32.const 1)))
    (local.set $bs2x (i32.mul (local.get $bs1x) (local.get $ny)))
    (local.set $bs1y (local.get $nx))
    (local.set $bs2y (i32.mul (local.get $nx) (i32.add (local.get $ny) (i32.const 1))))
    (local.set $bs1z (local.get $nx))
    (local.set $bs2z (local.get $nxy))
    ;; 1/Δt, 1/h², 1/h per axis
    (local.set $invDt (f64.div (f64.const 1) (local.get $dt)))
    (local.set $ih2x (f64.div (f64.const 1) (f64.mul (local.get $dx) (local.get $dx))))
    (local.set $ih2y (f64.div (f64.const 1) (f64.mul (local.get $dy) (local.get $dy))))
    (local.set $ih2z (f64.div (f64.const 1) (f64.mul (local.get $dz) (local.get $dz))))
    (local.set $ihx (f64.div (f64.const 1) (local.get $dx)))
    (local.set $ihy (f64.div (f64.const 1) (local.get $dy)))
    (local.set $ihz (f64.div (f64.const 1) (local.get $dz)))
    (local.set $f (i32.const 0))
    ;; the x-faces: their grid sx × sy × sz
    (local.set $sx (i32.add (local.get $nx) (i32.const 1))) (local.set $sy (local.get $ny)) (local.set $sz (local.get $nz))
    (local.set $sxy (i32.mul (local.get $sx) (local.get $sy)))
    (local.set $nBx (local.get $sx)) (local.set $nBy (local.get $sy)) (local.set $nBz (local.get $sz))
    (local.set $k (i32.const 0))
    (loop $layersx
      (local.set $j (i32.const 0))
      (loop $rowsx
        (local.set $rowy (i32.add (local.get $nU) (i32.add (i32.mul (local.get $j) (local.get $bs1y)) (i32.mul (local.get $k) (local.get $bs2y)))))
        (local.set $rowz (i32.add (i32.add (local.get $nU) (local.get $nV)) (i32.add (i32.mul (local.get $j) (local.get $bs1z)) (i32.mul (local.get $k) (local.get $bs2z)))))
        (local.set $rawRow (i32.mul (local.get $nx) (i32.add (local.get $j) (i32.mul (local.get $ny) (local.get $k)))))
        (local.set $i (i32.const 0))
        (loop $facesx
          (block $nextx
            (local.set $kf (i32.load8_u (i32.add (local.get $kind) (local.get $f))))
            (local.set $open (i32.eq (local.get $kf) (local.get $kOpening)))
            (br_if $nextx (i32.and (i32.ne (local.get $kf) (local.get $kFree)) (i32.eqz (local.get $open))))
            ;; the cells either side (−1: none)
            (local.set $raw (i32.add (local.get $rawRow) (local.get $i)))
            (local.set $hasR (i32.lt_s (local.get $i) (i32.sub (local.get $sx) (i32.const 1))))
            (local.set $hasL (i32.gt_s (local.get $i) (i32.const 0)))
            (local.set $cR (select (local.get $raw) (i32.const -1) (local.get $hasR)))
            (local.set $cL (select (i32.sub (local.get $raw) (i32.const 1)) (i32.const -1) (local.get $hasL)))
            (local.set $q (i32.shl (local.get $f) (i32.const 3)))
            (local.set $am (i32.add (local.get $a) (i32.mul (local.get $f) (i32.const 48))))
            (local.set $nuF (f64.load (i32.add (local.get $nu) (local.get $q))))
            (local.set $pv (f64.load (i32.add (local.get $prev) (local.get $q))))
            (local.set $dg (local.get $invDt))
            ;; −∂φ/∂n/Δt (an opening: φ = 0 half a cell outside it)
            (local.set $acc (f64.sub (f64.mul (local.get $pv) (local.get $invDt)) (f64.div
              (if (result f64) (local.get $open)
                (then (f64.div (if (result f64) (local.get $hasR) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cR) (i32.const 3))))) (else (f64.neg (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cL) (i32.const 3))))))) (f64.mul (f64.const 0.5) (local.get $dx))))
                (else (f64.div (f64.sub (if (result f64) (local.get $hasR) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cR) (i32.const 3))))) (else (f64.const nan))) (if (result f64) (local.get $hasL) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cL) (i32.const 3))))) (else (f64.const nan)))) (local.get $dx))))
              (local.get $dt))))
            (local.set $Dx (f64.mul (local.get $nuF) (local.get $ih2x)))
            (local.set $Dy (f64.mul (local.get $nuF) (local.get $ih2y)))
            (local.set $Dz (f64.mul (local.get $nuF) (local.get $ih2z)))
            ;; −x side
            (if (local.get $hasL)
              (then
                (local.set $F (f64.mul (f64.mul (f64.const -0.5) (f64.add (local.get $pv) (f64.load (i32.add (local.get $prev) (i32.shl (i32.sub (local.get $f) (i32.const 1)) (i32.const 3)))))) (local.get $ihx)))
                (f64.store (local.get $am) (f64.add (local.get $Dx) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dx) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.const -1) (local.get $i) (i32.const -1) (local.get $nBx) (local.get $kind) (local.get $prev) (local.get $kClosed))))))
              )
              (else
                ;; the outside of an opening
                (f64.store (local.get $am) (f64.const 0))
                (local.set $F (f64.mul (f64.mul (f64.const -1) (local.get $pv)) (local.get $ihx)))
                (if (f64.gt (local.get $F) (f64.const 0)) (then (local.set $dg (f64.add (local.get $dg) (local.get $F)))))))
            ;; +x side
            (if (local.get $hasR)
              (then
                (local.set $F (f64.mul (f64.mul (f64.const 0.5) (f64.add (local.get $pv) (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $f) (i32.const 1)) (i32.const 3)))))) (local.get $ihx)))
                (f64.store offset=8 (local.get $am) (f64.add (local.get $Dx) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dx) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.const 1) (local.get $i) (i32.const 1) (local.get $nBx) (local.get $kind) (local.get $prev) (local.get $kClosed))))))
              )
              (else
                ;; the outside of an opening
                (f64.store offset=8 (local.get $am) (f64.const 0))
                (local.set $F (f64.mul (f64.mul (f64.const 1) (local.get $pv)) (local.get $ihx)))
                (if (f64.gt (local.get $F) (f64.const 0)) (then (local.set $dg (f64.add (local.get $dg) (local.get $F)))))))
            ;; the y-faces of the upper and lower cell on their low side
            (local.set $f0 (i32.add (local.get $rowy) (local.get $i)))
            (local.set $fRy (select (local.get $f0) (i32.sub (local.get $f0) (i32.const 1)) (local.get $hasR)))
            (local.set $fLy (select (i32.sub (local.get $f0) (i32.const 1)) (local.get $f0) (local.get $hasL)))
            ;; −y side
            (local.set $F (f64.mul (f64.mul (f64.const -0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fLy) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fRy) (i32.const 3)))))) (local.get $ihy)))
            (local.set $in (i32.gt_s (local.get $j) (i32.const 0)))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.sub (local.get $f) (local.get $sx)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store offset=16 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipy)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dy)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dy)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store offset=16 (local.get $am) (f64.add (local.get $Dy) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dy) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.sub (i32.const 0) (local.get $sx)) (local.get $j) (i32.const -1) (local.get $nBy) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; +y side
            (local.set $F (f64.mul (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fLy) (local.get $bs1y)) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fRy) (local.get $bs1y)) (i32.const 3)))))) (local.get $ihy)))
            (local.set $in (i32.lt_s (local.get $j) (i32.sub (local.get $nBy) (i32.const 1))))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.add (local.get $f) (local.get $sx)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away (the lid: the y-max wall of the x-faces)
                (f64.store offset=24 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipy)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dy)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dy)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (select (local.get $lidU) (f64.const 0) (i32.eqz (local.get $in)))))))))
              (else
                (f64.store offset=24 (local.get $am) (f64.add (local.get $Dy) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dy) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (local.get $sx) (local.get $j) (i32.const 1) (local.get $nBy) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; the z-faces of the upper and lower cell on their low side
            (local.set $f0 (i32.add (local.get $rowz) (local.get $i)))
            (local.set $fRz (select (local.get $f0) (i32.sub (local.get $f0) (i32.const 1)) (local.get $hasR)))
            (local.set $fLz (select (i32.sub (local.get $f0) (i32.const 1)) (local.get $f0) (local.get $hasL)))
            ;; −z side
            (local.set $F (f64.mul (f64.mul (f64.const -0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fLz) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fRz) (i32.const 3)))))) (local.get $ihz)))
            (local.set $in (i32.gt_s (local.get $k) (i32.const 0)))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.sub (local.get $f) (local.get $sxy)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store offset=32 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipz)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dz)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dz)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store offset=32 (local.get $am) (f64.add (local.get $Dz) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dz) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.sub (i32.const 0) (local.get $sxy)) (local.get $k) (i32.const -1) (local.get $nBz) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; +z side
            (local.set $F (f64.mul (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fLz) (local.get $bs2z)) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fRz) (local.get $bs2z)) (i32.const 3)))))) (local.get $ihz)))
            (local.set $in (i32.lt_s (local.get $k) (i32.sub (local.get $nBz) (i32.const 1))))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.add (local.get $f) (local.get $sxy)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store offset=40 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipz)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dz)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dz)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store offset=40 (local.get $am) (f64.add (local.get $Dz) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dz) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (local.get $sxy) (local.get $k) (i32.const 1) (local.get $nBz) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; the porous bodies' Forchheimer sink, linearised on the lagged gap speed
            (if (local.get $porous)
              (then
                (local.set $c (f64.load (i32.add (local.get $pK) (local.get $q))))
                (if (f64.gt (local.get $c) (f64.const 0))
                  (then
                    (local.set $ud (f64.load (i32.add (local.get $pU) (local.get $q))))
                    (local.set $c (f64.mul (local.get $c) (f64.max (f64.abs (f64.sub (local.get $pv) (local.get $ud))) (local.get $floor))))
                    (local.set $dg (f64.add (local.get $dg) (local.get $c)))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $c) (local.get $ud))))))))
            (f64.store (i32.add (local.get $diag) (local.get $q)) (local.get $dg))
            (f64.store (i32.add (local.get $rhs) (local.get $q)) (local.get $acc)))
          (local.set $f (i32.add (local.get $f) (i32.const 1)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $facesx (i32.lt_s (local.get $i) (local.get $sx))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $rowsx (i32.lt_s (local.get $j) (local.get $sy))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $layersx (i32.lt_s (local.get $k) (local.get $sz))))
    ;; the y-faces: their grid sx × sy × sz
    (local.set $sx (local.get $nx)) (local.set $sy (i32.add (local.get $ny) (i32.const 1))) (local.set $sz (local.get $nz))
    (local.set $sxy (i32.mul (local.get $sx) (local.get $sy)))
    (local.set $nBx (local.get $sx)) (local.set $nBy (local.get $sy)) (local.set $nBz (local.get $sz))
    (local.set $k (i32.const 0))
    (loop $layersy
      (local.set $j (i32.const 0))
      (loop $rowsy
        (local.set $rowx (i32.add (i32.const 0) (i32.add (i32.mul (local.get $j) (local.get $bs1x)) (i32.mul (local.get $k) (local.get $bs2x)))))
        (local.set $rowz (i32.add (i32.add (local.get $nU) (local.get $nV)) (i32.add (i32.mul (local.get $j) (local.get $bs1z)) (i32.mul (local.get $k) (local.get $bs2z)))))
        (local.set $rawRow (i32.mul (local.get $nx) (i32.add (local.get $j) (i32.mul (local.get $ny) (local.get $k)))))
        (local.set $i (i32.const 0))
        (loop $facesy
          (block $nexty
            (local.set $kf (i32.load8_u (i32.add (local.get $kind) (local.get $f))))
            (local.set $open (i32.eq (local.get $kf) (local.get $kOpening)))
            (br_if $nexty (i32.and (i32.ne (local.get $kf) (local.get $kFree)) (i32.eqz (local.get $open))))
            ;; the cells either side (−1: none)
            (local.set $raw (i32.add (local.get $rawRow) (local.get $i)))
            (local.set $hasR (i32.lt_s (local.get $j) (i32.sub (local.get $sy) (i32.const 1))))
            (local.set $hasL (i32.gt_s (local.get $j) (i32.const 0)))
            (local.set $cR (select (local.get $raw) (i32.const -1) (local.get $hasR)))
            (local.set $cL (select (i32.sub (local.get $raw) (local.get $nx)) (i32.const -1) (local.get $hasL)))
            (local.set $q (i32.shl (local.get $f) (i32.const 3)))
            (local.set $am (i32.add (local.get $a) (i32.mul (local.get $f) (i32.const 48))))
            (local.set $nuF (f64.load (i32.add (local.get $nu) (local.get $q))))
            (local.set $pv (f64.load (i32.add (local.get $prev) (local.get $q))))
            (local.set $dg (local.get $invDt))
            ;; −∂φ/∂n/Δt (an opening: φ = 0 half a cell outside it)
            (local.set $acc (f64.sub (f64.mul (local.get $pv) (local.get $invDt)) (f64.div
              (if (result f64) (local.get $open)
                (then (f64.div (if (result f64) (local.get $hasR) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cR) (i32.const 3))))) (else (f64.neg (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cL) (i32.const 3))))))) (f64.mul (f64.const 0.5) (local.get $dy))))
                (else (f64.div (f64.sub (if (result f64) (local.get $hasR) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cR) (i32.const 3))))) (else (f64.const nan))) (if (result f64) (local.get $hasL) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cL) (i32.const 3))))) (else (f64.const nan)))) (local.get $dy))))
              (local.get $dt))))
            (local.set $Dx (f64.mul (local.get $nuF) (local.get $ih2x)))
            (local.set $Dy (f64.mul (local.get $nuF) (local.get $ih2y)))
            (local.set $Dz (f64.mul (local.get $nuF) (local.get $ih2z)))
            ;; the x-faces of the upper and lower cell on their low side
            (local.set $f0 (i32.add (local.get $rowx) (local.get $i)))
            (local.set $fRx (select (local.get $f0) (i32.sub (local.get $f0) (local.get $bs1x)) (local.get $hasR)))
            (local.set $fLx (select (i32.sub (local.get $f0) (local.get $bs1x)) (local.get $f0) (local.get $hasL)))
            ;; −x side
            (local.set $F (f64.mul (f64.mul (f64.const -0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fLx) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fRx) (i32.const 3)))))) (local.get $ihx)))
            (local.set $in (i32.gt_s (local.get $i) (i32.const 0)))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.sub (local.get $f) (i32.const 1)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipx)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dx)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dx)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store (local.get $am) (f64.add (local.get $Dx) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dx) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.const -1) (local.get $i) (i32.const -1) (local.get $nBx) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; +x side
            (local.set $F (f64.mul (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fLx) (i32.const 1)) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fRx) (i32.const 1)) (i32.const 3)))))) (local.get $ihx)))
            (local.set $in (i32.lt_s (local.get $i) (i32.sub (local.get $nBx) (i32.const 1))))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.add (local.get $f) (i32.const 1)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store offset=8 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipx)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dx)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dx)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store offset=8 (local.get $am) (f64.add (local.get $Dx) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dx) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.const 1) (local.get $i) (i32.const 1) (local.get $nBx) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; −y side
            (if (local.get $hasL)
              (then
                (local.set $F (f64.mul (f64.mul (f64.const -0.5) (f64.add (local.get $pv) (f64.load (i32.add (local.get $prev) (i32.shl (i32.sub (local.get $f) (local.get $sx)) (i32.const 3)))))) (local.get $ihy)))
                (f64.store offset=16 (local.get $am) (f64.add (local.get $Dy) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dy) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.sub (i32.const 0) (local.get $sx)) (local.get $j) (i32.const -1) (local.get $nBy) (local.get $kind) (local.get $prev) (local.get $kClosed))))))
              )
              (else
                ;; the outside of an opening
                (f64.store offset=16 (local.get $am) (f64.const 0))
                (local.set $F (f64.mul (f64.mul (f64.const -1) (local.get $pv)) (local.get $ihy)))
                (if (f64.gt (local.get $F) (f64.const 0)) (then (local.set $dg (f64.add (local.get $dg) (local.get $F)))))))
            ;; +y side
            (if (local.get $hasR)
              (then
                (local.set $F (f64.mul (f64.mul (f64.const 0.5) (f64.add (local.get $pv) (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $f) (local.get $sx)) (i32.const 3)))))) (local.get $ihy)))
                (f64.store offset=24 (local.get $am) (f64.add (local.get $Dy) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dy) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (local.get $sx) (local.get $j) (i32.const 1) (local.get $nBy) (local.get $kind) (local.get $prev) (local.get $kClosed))))))
              )
              (else
                ;; the outside of an opening
                (f64.store offset=24 (local.get $am) (f64.const 0))
                (local.set $F (f64.mul (f64.mul (f64.const 1) (local.get $pv)) (local.get $ihy)))
                (if (f64.gt (local.get $F) (f64.const 0)) (then (local.set $dg (f64.add (local.get $dg) (local.get $F)))))))
            ;; the z-faces of the upper and lower cell on their low side
            (local.set $f0 (i32.add (local.get $rowz) (local.get $i)))
            (local.set $fRz (select (local.get $f0) (i32.sub (local.get $f0) (local.get $bs1z)) (local.get $hasR)))
            (local.set $fLz (select (i32.sub (local.get $f0) (local.get $bs1z)) (local.get $f0) (local.get $hasL)))
            ;; −z side
            (local.set $F (f64.mul (f64.mul (f64.const -0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fLz) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fRz) (i32.const 3)))))) (local.get $ihz)))
            (local.set $in (i32.gt_s (local.get $k) (i32.const 0)))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.sub (local.get $f) (local.get $sxy)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store offset=32 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipz)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dz)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dz)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store offset=32 (local.get $am) (f64.add (local.get $Dz) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dz) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.sub (i32.const 0) (local.get $sxy)) (local.get $k) (i32.const -1) (local.get $nBz) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; +z side
            (local.set $F (f64.mul (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fLz) (local.get $bs2z)) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fRz) (local.get $bs2z)) (i32.const 3)))))) (local.get $ihz)))
            (local.set $in (i32.lt_s (local.get $k) (i32.sub (local.get $nBz) (i32.const 1))))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.add (local.get $f) (local.get $sxy)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store offset=40 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipz)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dz)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dz)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store offset=40 (local.get $am) (f64.add (local.get $Dz) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dz) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (local.get $sxy) (local.get $k) (i32.const 1) (local.get $nBz) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; the porous bodies' Forchheimer sink, linearised on the lagged gap speed
            (if (local.get $porous)
              (then
                (local.set $c (f64.load (i32.add (local.get $pK) (local.get $q))))
                (if (f64.gt (local.get $c) (f64.const 0))
                  (then
                    (local.set $ud (f64.load (i32.add (local.get $pU) (local.get $q))))
                    (local.set $c (f64.mul (local.get $c) (f64.max (f64.abs (f64.sub (local.get $pv) (local.get $ud))) (local.get $floor))))
                    (local.set $dg (f64.add (local.get $dg) (local.get $c)))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $c) (local.get $ud))))))))
            (f64.store (i32.add (local.get $diag) (local.get $q)) (local.get $dg))
            (f64.store (i32.add (local.get $rhs) (local.get $q)) (local.get $acc)))
          (local.set $f (i32.add (local.get $f) (i32.const 1)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $facesy (i32.lt_s (local.get $i) (local.get $sx))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $rowsy (i32.lt_s (local.get $j) (local.get $sy))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $layersy (i32.lt_s (local.get $k) (local.get $sz))))
    ;; the z-faces: their grid sx × sy × sz
    (local.set $sx (local.get $nx)) (local.set $sy (local.get $ny)) (local.set $sz (i32.add (local.get $nz) (i32.const 1)))
    (local.set $sxy (i32.mul (local.get $sx) (local.get $sy)))
    (local.set $nBx (local.get $sx)) (local.set $nBy (local.get $sy)) (local.set $nBz (local.get $sz))
    (local.set $k (i32.const 0))
    (loop $layersz
      (local.set $j (i32.const 0))
      (loop $rowsz
        (local.set $rowx (i32.add (i32.const 0) (i32.add (i32.mul (local.get $j) (local.get $bs1x)) (i32.mul (local.get $k) (local.get $bs2x)))))
        (local.set $rowy (i32.add (local.get $nU) (i32.add (i32.mul (local.get $j) (local.get $bs1y)) (i32.mul (local.get $k) (local.get $bs2y)))))
        (local.set $rawRow (i32.mul (local.get $nx) (i32.add (local.get $j) (i32.mul (local.get $ny) (local.get $k)))))
        (local.set $i (i32.const 0))
        (loop $facesz
          (block $nextz
            (local.set $kf (i32.load8_u (i32.add (local.get $kind) (local.get $f))))
            (local.set $open (i32.eq (local.get $kf) (local.get $kOpening)))
            (br_if $nextz (i32.and (i32.ne (local.get $kf) (local.get $kFree)) (i32.eqz (local.get $open))))
            ;; the cells either side (−1: none)
            (local.set $raw (i32.add (local.get $rawRow) (local.get $i)))
            (local.set $hasR (i32.lt_s (local.get $k) (i32.sub (local.get $sz) (i32.const 1))))
            (local.set $hasL (i32.gt_s (local.get $k) (i32.const 0)))
            (local.set $cR (select (local.get $raw) (i32.const -1) (local.get $hasR)))
            (local.set $cL (select (i32.sub (local.get $raw) (local.get $nxy)) (i32.const -1) (local.get $hasL)))
            (local.set $q (i32.shl (local.get $f) (i32.const 3)))
            (local.set $am (i32.add (local.get $a) (i32.mul (local.get $f) (i32.const 48))))
            (local.set $nuF (f64.load (i32.add (local.get $nu) (local.get $q))))
            (local.set $pv (f64.load (i32.add (local.get $prev) (local.get $q))))
            (local.set $dg (local.get $invDt))
            ;; −∂φ/∂n/Δt (an opening: φ = 0 half a cell outside it)
            (local.set $acc (f64.sub (f64.mul (local.get $pv) (local.get $invDt)) (f64.div
              (if (result f64) (local.get $open)
                (then (f64.div (if (result f64) (local.get $hasR) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cR) (i32.const 3))))) (else (f64.neg (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cL) (i32.const 3))))))) (f64.mul (f64.const 0.5) (local.get $dz))))
                (else (f64.div (f64.sub (if (result f64) (local.get $hasR) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cR) (i32.const 3))))) (else (f64.const nan))) (if (result f64) (local.get $hasL) (then (f64.load (i32.add (local.get $phi) (i32.shl (local.get $cL) (i32.const 3))))) (else (f64.const nan)))) (local.get $dz))))
              (local.get $dt))))
            ;; buoyancy g·β·(T̄ − T_ref), T̄ over the face's cells (the one of an opening)
            (if (local.get $hasTemp)
              (then
                (if (i32.lt_s (local.get $cR) (i32.const 0)) (then (local.set $cR (local.get $cL))))
                (if (i32.lt_s (local.get $cL) (i32.const 0)) (then (local.set $cL (local.get $cR))))
                (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $gBeta) (f64.sub (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $temp) (i32.shl (local.get $cR) (i32.const 3)))) (f64.load (i32.add (local.get $temp) (i32.shl (local.get $cL) (i32.const 3)))))) (local.get $refC)))))))
            (local.set $Dx (f64.mul (local.get $nuF) (local.get $ih2x)))
            (local.set $Dy (f64.mul (local.get $nuF) (local.get $ih2y)))
            (local.set $Dz (f64.mul (local.get $nuF) (local.get $ih2z)))
            ;; the x-faces of the upper and lower cell on their low side
            (local.set $f0 (i32.add (local.get $rowx) (local.get $i)))
            (local.set $fRx (select (local.get $f0) (i32.sub (local.get $f0) (local.get $bs2x)) (local.get $hasR)))
            (local.set $fLx (select (i32.sub (local.get $f0) (local.get $bs2x)) (local.get $f0) (local.get $hasL)))
            ;; −x side
            (local.set $F (f64.mul (f64.mul (f64.const -0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fLx) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fRx) (i32.const 3)))))) (local.get $ihx)))
            (local.set $in (i32.gt_s (local.get $i) (i32.const 0)))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.sub (local.get $f) (i32.const 1)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipx)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dx)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dx)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store (local.get $am) (f64.add (local.get $Dx) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dx) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.const -1) (local.get $i) (i32.const -1) (local.get $nBx) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; +x side
            (local.set $F (f64.mul (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fLx) (i32.const 1)) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fRx) (i32.const 1)) (i32.const 3)))))) (local.get $ihx)))
            (local.set $in (i32.lt_s (local.get $i) (i32.sub (local.get $nBx) (i32.const 1))))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.add (local.get $f) (i32.const 1)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store offset=8 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipx)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dx)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dx)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store offset=8 (local.get $am) (f64.add (local.get $Dx) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dx) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.const 1) (local.get $i) (i32.const 1) (local.get $nBx) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; the y-faces of the upper and lower cell on their low side
            (local.set $f0 (i32.add (local.get $rowy) (local.get $i)))
            (local.set $fRy (select (local.get $f0) (i32.sub (local.get $f0) (local.get $bs2y)) (local.get $hasR)))
            (local.set $fLy (select (i32.sub (local.get $f0) (local.get $bs2y)) (local.get $f0) (local.get $hasL)))
            ;; −y side
            (local.set $F (f64.mul (f64.mul (f64.const -0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fLy) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (local.get $fRy) (i32.const 3)))))) (local.get $ihy)))
            (local.set $in (i32.gt_s (local.get $j) (i32.const 0)))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.sub (local.get $f) (local.get $sx)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store offset=16 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipy)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dy)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dy)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store offset=16 (local.get $am) (f64.add (local.get $Dy) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dy) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.sub (i32.const 0) (local.get $sx)) (local.get $j) (i32.const -1) (local.get $nBy) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; +y side
            (local.set $F (f64.mul (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fLy) (local.get $bs1y)) (i32.const 3)))) (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $fRy) (local.get $bs1y)) (i32.const 3)))))) (local.get $ihy)))
            (local.set $in (i32.lt_s (local.get $j) (i32.sub (local.get $nBy) (i32.const 1))))
            (if (if (result i32) (local.get $in) (then (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.add (local.get $f) (local.get $sx)))) (local.get $kClosed))) (else (i32.const 1)))
              (then
                ;; a wall half a cell away
                (f64.store offset=24 (local.get $am) (f64.const 0))
                (if (i32.eqz (i32.and (i32.eqz (local.get $in)) (local.get $slipy)))
                  (then
                    (local.set $dg (f64.add (local.get $dg) (f64.add (f64.mul (f64.const 2) (local.get $Dy)) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.add (f64.mul (f64.const 2) (local.get $Dy)) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))) (f64.const 0)))))))
              (else
                (f64.store offset=24 (local.get $am) (f64.add (local.get $Dy) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dy) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (local.get $sx) (local.get $j) (i32.const 1) (local.get $nBy) (local.get $kind) (local.get $prev) (local.get $kClosed))))))))
            ;; −z side
            (if (local.get $hasL)
              (then
                (local.set $F (f64.mul (f64.mul (f64.const -0.5) (f64.add (local.get $pv) (f64.load (i32.add (local.get $prev) (i32.shl (i32.sub (local.get $f) (local.get $sxy)) (i32.const 3)))))) (local.get $ihz)))
                (f64.store offset=32 (local.get $am) (f64.add (local.get $Dz) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dz) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (i32.sub (i32.const 0) (local.get $sxy)) (local.get $k) (i32.const -1) (local.get $nBz) (local.get $kind) (local.get $prev) (local.get $kClosed))))))
              )
              (else
                ;; the outside of an opening
                (f64.store offset=32 (local.get $am) (f64.const 0))
                (local.set $F (f64.mul (f64.mul (f64.const -1) (local.get $pv)) (local.get $ihz)))
                (if (f64.gt (local.get $F) (f64.const 0)) (then (local.set $dg (f64.add (local.get $dg) (local.get $F)))))))
            ;; +z side
            (if (local.get $hasR)
              (then
                (local.set $F (f64.mul (f64.mul (f64.const 0.5) (f64.add (local.get $pv) (f64.load (i32.add (local.get $prev) (i32.shl (i32.add (local.get $f) (local.get $sxy)) (i32.const 3)))))) (local.get $ihz)))
                (f64.store offset=40 (local.get $am) (f64.add (local.get $Dz) (select (f64.neg (local.get $F)) (f64.const 0) (f64.lt (local.get $F) (f64.const 0)))))
                (local.set $dg (f64.add (local.get $dg) (f64.add (local.get $Dz) (select (local.get $F) (f64.const 0) (f64.gt (local.get $F) (f64.const 0))))))
                (if (i32.and (local.get $tvd) (f64.ne (local.get $F) (f64.const 0)))
                  (then (local.set $acc (f64.sub (local.get $acc) (call $tvdTerm (local.get $F) (local.get $f) (local.get $sxy) (local.get $k) (i32.const 1) (local.get $nBz) (local.get $kind) (local.get $prev) (local.get $kClosed))))))
              )
              (else
                ;; the outside of an opening
                (f64.store offset=40 (local.get $am) (f64.const 0))
                (local.set $F (f64.mul (f64.mul (f64.const 1) (local.get $pv)) (local.get $ihz)))
                (if (f64.gt (local.get $F) (f64.const 0)) (then (local.set $dg (f64.add (local.get $dg) (local.get $F)))))))
            ;; the porous bodies' Forchheimer sink, linearised on the lagged gap speed
            (if (local.get $porous)
              (then
                (local.set $c (f64.load (i32.add (local.get $pK) (local.get $q))))
                (if (f64.gt (local.get $c) (f64.const 0))
                  (then
                    (local.set $ud (f64.load (i32.add (local.get $pU) (local.get $q))))
                    (local.set $c (f64.mul (local.get $c) (f64.max (f64.abs (f64.sub (local.get $pv) (local.get $ud))) (local.get $floor))))
                    (local.set $dg (f64.add (local.get $dg) (local.get $c)))
                    (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $c) (local.get $ud))))))))
            (f64.store (i32.add (local.get $diag) (local.get $q)) (local.get $dg))
            (f64.store (i32.add (local.get $rhs) (local.get $q)) (local.get $acc)))
          (local.set $f (i32.add (local.get $f) (i32.const 1)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $facesz (i32.lt_s (local.get $i) (local.get $sx))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $rowsz (i32.lt_s (local.get $j) (local.get $sy))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $layersz (i32.lt_s (local.get $k) (local.get $sz))))
  )

  ;; turbulence.ts eddyViscosity, the zero-equation closure (Chen & Xu 1998): every cell c in index
  ;; order gets out[c] = 0 in a solid (solid[c] ≠ 0), else (coef·|V|)·dist[c], |V| the cell-centre
  ;; speed √((u·u + v·v) + w·w), u = 0.5·(vel[fu] + vel[fu+1]), v = 0.5·(vel[fv] + vel[fv+nx]),
  ;; w = 0.5·(vel[fw] + vel[fw+nxy]) (its six faces: grid3.ts layout); coef = $aWall where
  ;; $nearWall is 1 and the cell is beside a wall — on a no-slip edge of the grid ($slip: 1, 2, 4
  ;; for slip walls normal to x, y, z) or with a face neighbour whose solid is 1 — else $a.
  (func (export "eddyViscosity") (param $nx i32) (param $ny i32) (param $nz i32) (param $a f64) (param $aWall f64) (param $nearWall i32) (param $slip i32) (param $solid i32) (param $vel i32) (param $dist i32) (param $out i32)
    (local $nxy i32) (local $nU i32) (local $nV i32) (local $i i32) (local $j i32) (local $k i32) (local $c i32) (local $fu i32) (local $fv i32) (local $fw i32)
    (local $u f64) (local $v f64) (local $w f64) (local $coef f64)
    (local.set $nxy (i32.mul (local.get $nx) (local.get $ny)))
    (local.set $nU (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.mul (local.get $ny) (local.get $nz))))
    (local.set $nV (i32.mul (local.get $nx) (i32.mul (i32.add (local.get $ny) (i32.const 1)) (local.get $nz))))
    (loop $layers
      (local.set $j (i32.const 0))
      (loop $rows
        (local.set $i (i32.const 0))
        (loop $cells
          (if (i32.load8_u (i32.add (local.get $solid) (local.get $c)))
            (then (f64.store (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 3))) (f64.const 0)))
            (else
              (local.set $fu (i32.add (local.get $i) (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.add (local.get $j) (i32.mul (local.get $ny) (local.get $k))))))
              (local.set $fv (i32.add (local.get $nU) (i32.add (local.get $i) (i32.mul (local.get $nx) (i32.add (local.get $j) (i32.mul (i32.add (local.get $ny) (i32.const 1)) (local.get $k)))))))
              (local.set $fw (i32.add (i32.add (local.get $nU) (local.get $nV)) (local.get $c)))
              (local.set $u (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $vel) (i32.shl (local.get $fu) (i32.const 3)))) (f64.load (i32.add (local.get $vel) (i32.shl (i32.add (local.get $fu) (i32.const 1)) (i32.const 3)))))))
              (local.set $v (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $vel) (i32.shl (local.get $fv) (i32.const 3)))) (f64.load (i32.add (local.get $vel) (i32.shl (i32.add (local.get $fv) (local.get $nx)) (i32.const 3)))))))
              (local.set $w (f64.mul (f64.const 0.5) (f64.add (f64.load (i32.add (local.get $vel) (i32.shl (local.get $fw) (i32.const 3)))) (f64.load (i32.add (local.get $vel) (i32.shl (i32.add (local.get $fw) (local.get $nxy)) (i32.const 3)))))))
              (local.set $coef (local.get $a))
              (if (local.get $nearWall)
                (then (if (call $besideWall (local.get $i) (local.get $j) (local.get $k) (local.get $c) (local.get $nx) (local.get $ny) (local.get $nz) (local.get $nxy) (local.get $slip) (local.get $solid))
                  (then (local.set $coef (local.get $aWall))))))
              (f64.store (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 3)))
                (f64.mul
                  (f64.mul (local.get $coef) (f64.sqrt (f64.add (f64.add (f64.mul (local.get $u) (local.get $u)) (f64.mul (local.get $v) (local.get $v))) (f64.mul (local.get $w) (local.get $w)))))
                  (f64.load (i32.add (local.get $dist) (i32.shl (local.get $c) (i32.const 3))))))))
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $cells (i32.lt_s (local.get $i) (local.get $nx))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br_if $rows (i32.lt_s (local.get $j) (local.get $ny))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $layers (i32.lt_s (local.get $k) (local.get $nz)))))

  ;; 1 when cell c = (i, j, k) lies on a no-slip edge of the grid or has a face neighbour inside
  ;; the grid whose solid is 1 (eddyViscosity above); no neighbour outside the grid is read.
  (func $besideWall (param $i i32) (param $j i32) (param $k i32) (param $c i32) (param $nx i32) (param $ny i32) (param $nz i32) (param $nxy i32) (param $slip i32) (param $solid i32) (result i32)
    (if (i32.and (i32.eqz (i32.and (local.get $slip) (i32.const 1))) (i32.or (i32.eqz (local.get $i)) (i32.eq (local.get $i) (i32.sub (local.get $nx) (i32.const 1))))) (then (return (i32.const 1))))
    (if (i32.and (i32.eqz (i32.and (local.get $slip) (i32.const 2))) (i32.or (i32.eqz (local.get $j)) (i32.eq (local.get $j) (i32.sub (local.get $ny) (i32.const 1))))) (then (return (i32.const 1))))
    (if (i32.and (i32.eqz (i32.and (local.get $slip) (i32.const 4))) (i32.or (i32.eqz (local.get $k)) (i32.eq (local.get $k) (i32.sub (local.get $nz) (i32.const 1))))) (then (return (i32.const 1))))
    (if (i32.gt_s (local.get $i) (i32.const 0)) (then (if (i32.eq (i32.load8_u (i32.add (local.get $solid) (i32.sub (local.get $c) (i32.const 1)))) (i32.const 1)) (then (return (i32.const 1))))))
    (if (i32.lt_s (local.get $i) (i32.sub (local.get $nx) (i32.const 1))) (then (if (i32.eq (i32.load8_u (i32.add (local.get $solid) (i32.add (local.get $c) (i32.const 1)))) (i32.const 1)) (then (return (i32.const 1))))))
    (if (i32.gt_s (local.get $j) (i32.const 0)) (then (if (i32.eq (i32.load8_u (i32.add (local.get $solid) (i32.sub (local.get $c) (local.get $nx)))) (i32.const 1)) (then (return (i32.const 1))))))
    (if (i32.lt_s (local.get $j) (i32.sub (local.get $ny) (i32.const 1))) (then (if (i32.eq (i32.load8_u (i32.add (local.get $solid) (i32.add (local.get $c) (local.get $nx)))) (i32.const 1)) (then (return (i32.const 1))))))
    (if (i32.gt_s (local.get $k) (i32.const 0)) (then (if (i32.eq (i32.load8_u (i32.add (local.get $solid) (i32.sub (local.get $c) (local.get $nxy)))) (i32.const 1)) (then (return (i32.const 1))))))
    (if (i32.lt_s (local.get $k) (i32.sub (local.get $nz) (i32.const 1))) (then (if (i32.eq (i32.load8_u (i32.add (local.get $solid) (i32.add (local.get $c) (local.get $nxy)))) (i32.const 1)) (then (return (i32.const 1))))))
    (i32.const 0))

  ;; ffd.ts solveFlow3d's per-step vector loops, index 0 … n − 1 in order, a running maximum taken
  ;; as Math.max takes it (f64.max: a NaN makes it NaN for good; +0 over −0):
  ;; flowChange — out[0] = max |vel[f] − prev[f]| (the largest change of a face velocity in the
  ;; step), out[1] = max |vel[f]| (the largest speed), both from +0;
  (func (export "flowChange") (param $n i32) (param $vel i32) (param $prev i32) (param $out i32)
    (local $du f64) (local $umax f64) (local $v f64) (local $q i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $faces
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $v (f64.load (i32.add (local.get $vel) (local.get $q))))
        (local.set $du (f64.max (local.get $du) (f64.abs (f64.sub (local.get $v) (f64.load (i32.add (local.get $prev) (local.get $q)))))))
        (local.set $umax (f64.max (local.get $umax) (f64.abs (local.get $v))))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br $faces)))
    (f64.store (local.get $out) (local.get $du))
    (f64.store offset=8 (local.get $out) (local.get $umax)))

  ;; maxChange — max |a[c] − b[c]| from +0 (the largest change of a cell temperature);
  (func (export "maxChange") (param $n i32) (param $a i32) (param $b i32) (result f64)
    (local $m f64) (local $q i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $m (f64.max (local.get $m) (f64.abs (f64.sub (f64.load (i32.add (local.get $a) (local.get $q))) (f64.load (i32.add (local.get $b) (local.get $q)))))))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br $cells)))
    (local.get $m))

  ;; accumulate — sum[c] = sum[c] + x[c] (φ ← φ + δφ; the running sum of the velocities).
  (func (export "accumulate") (param $n i32) (param $sum i32) (param $x i32)
    (local $q i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (f64.store (i32.add (local.get $sum) (local.get $q))
          (f64.add (f64.load (i32.add (local.get $sum) (local.get $q))) (f64.load (i32.add (local.get $x) (local.get $q)))))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br $cells))))

  ;; pressure.ts solvePoisson's first residual: r[c] = 0 where diag[c] = 0, else b[c] − Ax[c]; returns
  ;; the largest |r[c]| from +0 as Math.max takes it (f64.max: a NaN makes it NaN for good).
  (func (export "startResidual") (param $n i32) (param $diag i32) (param $b i32) (param $ax i32) (param $r i32) (result f64)
    (local $rmax f64) (local $v f64) (local $q i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $v
          (if (result f64) (f64.eq (f64.load (i32.add (local.get $diag) (local.get $q))) (f64.const 0))
            (then (f64.const 0))
            (else (f64.sub (f64.load (i32.add (local.get $b) (local.get $q))) (f64.load (i32.add (local.get $ax) (local.get $q)))))))
        (f64.store (i32.add (local.get $r) (local.get $q)) (local.get $v))
        (local.set $rmax (f64.max (local.get $rmax) (f64.abs (local.get $v))))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br $cells)))
    (local.get $rmax))

  ;; diffuse.ts diffuseVelocity: $sweeps Gauss–Seidel sweeps of the implicit diffusion, each sweep
  ;; the u, v, w faces in index order; every face not of kind $kFixed or $kClosed gets
  ;; vel[f] = acc/dg, from dg = 1, acc = rhs[f] and c = (nu[f]·dt)·(1/h²) per axis, its neighbours
  ;; in the order −x, +x, −y, +y, −z, +z: a neighbour face inside the grid adds c to dg and
  ;; c·vel[neighbour] to acc, or 2·c to dg alone when it is of kind $kClosed and of another
  ;; component; past the grid's edge a no-slip wall ($slip: 1, 2, 4 for slip walls normal to x, y, z)
  ;; adds 2·c to dg for the other components, and the +y wall (the lid) adds (2·c)·lidU to the u
  ;; faces' acc.
  (func (export "diffuse") (param $nx i32) (param $ny i32) (param $nz i32) (param $hx2 f64) (param $hy2 f64) (param $hz2 f64) (param $dt f64) (param $lidU f64) (param $slip i32) (param $kFixed i32) (param $kClosed i32) (param $sweeps i32) (param $kind i32) (param $nu i32) (param $rhs i32) (param $vel i32)
    (local $s i32) (local $axis i32) (local $sx i32) (local $sy i32) (local $sz i32) (local $sxy i32) (local $one i32) (local $i i32) (local $j i32) (local $k i32) (local $f i32) (local $kf i32)
    (local $nuDt f64) (local $c f64) (local $dg f64) (local $acc f64)
    (local.set $one (i32.const 1))
    (block $sweepsDone
      (loop $sweepLoop
        (br_if $sweepsDone (i32.ge_s (local.get $s) (local.get $sweeps)))
        (local.set $axis (i32.const 0))
        (local.set $f (i32.const 0))
        (loop $axes
          (local.set $sx (i32.add (local.get $nx) (i32.eqz (local.get $axis))))
          (local.set $sy (i32.add (local.get $ny) (i32.eq (local.get $axis) (i32.const 1))))
          (local.set $sz (i32.add (local.get $nz) (i32.eq (local.get $axis) (i32.const 2))))
          (local.set $sxy (i32.mul (local.get $sx) (local.get $sy)))
          (local.set $k (i32.const 0))
          (loop $layers
            (local.set $j (i32.const 0))
            (loop $rows
              (local.set $i (i32.const 0))
              (loop $faces
                (local.set $kf (i32.load8_u (i32.add (local.get $kind) (local.get $f))))
                (if (i32.eqz (i32.or (i32.eq (local.get $kf) (local.get $kFixed)) (i32.eq (local.get $kf) (local.get $kClosed))))
                  (then
              (local.set $nuDt (f64.mul (f64.load (i32.add (local.get $nu) (i32.shl (local.get $f) (i32.const 3)))) (local.get $dt)))
              (local.set $dg (f64.const 1))
              (local.set $acc (f64.load (i32.add (local.get $rhs) (i32.shl (local.get $f) (i32.const 3)))))
              (local.set $c (f64.mul (local.get $nuDt) (local.get $hx2)))
              (if (i32.gt_s (local.get $i) (i32.const 0))
                (then
                  (if (i32.and (i32.ne (local.get $axis) (i32.const 0)) (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.sub (local.get $f) (local.get $one)))) (local.get $kClosed)))
                    (then (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c)))))
                    (else
                      (local.set $dg (f64.add (local.get $dg) (local.get $c)))
                      (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $c) (f64.load (i32.add (local.get $vel) (i32.shl (i32.sub (local.get $f) (local.get $one)) (i32.const 3))))))))))
                (else (if (i32.and (i32.ne (local.get $axis) (i32.const 0)) (i32.eqz (i32.and (local.get $slip) (i32.const 1))))
                  (then
                  (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c))))))))
              (if (i32.lt_s (local.get $i) (i32.sub (local.get $sx) (i32.const 1)))
                (then
                  (if (i32.and (i32.ne (local.get $axis) (i32.const 0)) (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.add (local.get $f) (local.get $one)))) (local.get $kClosed)))
                    (then (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c)))))
                    (else
                      (local.set $dg (f64.add (local.get $dg) (local.get $c)))
                      (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $c) (f64.load (i32.add (local.get $vel) (i32.shl (i32.add (local.get $f) (local.get $one)) (i32.const 3))))))))))
                (else (if (i32.and (i32.ne (local.get $axis) (i32.const 0)) (i32.eqz (i32.and (local.get $slip) (i32.const 1))))
                  (then
                  (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c))))))))
              (local.set $c (f64.mul (local.get $nuDt) (local.get $hy2)))
              (if (i32.gt_s (local.get $j) (i32.const 0))
                (then
                  (if (i32.and (i32.ne (local.get $axis) (i32.const 1)) (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.sub (local.get $f) (local.get $sx)))) (local.get $kClosed)))
                    (then (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c)))))
                    (else
                      (local.set $dg (f64.add (local.get $dg) (local.get $c)))
                      (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $c) (f64.load (i32.add (local.get $vel) (i32.shl (i32.sub (local.get $f) (local.get $sx)) (i32.const 3))))))))))
                (else (if (i32.and (i32.ne (local.get $axis) (i32.const 1)) (i32.eqz (i32.and (local.get $slip) (i32.const 2))))
                  (then
                  (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c))))))))
              (if (i32.lt_s (local.get $j) (i32.sub (local.get $sy) (i32.const 1)))
                (then
                  (if (i32.and (i32.ne (local.get $axis) (i32.const 1)) (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.add (local.get $f) (local.get $sx)))) (local.get $kClosed)))
                    (then (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c)))))
                    (else
                      (local.set $dg (f64.add (local.get $dg) (local.get $c)))
                      (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $c) (f64.load (i32.add (local.get $vel) (i32.shl (i32.add (local.get $f) (local.get $sx)) (i32.const 3))))))))))
                (else (if (i32.and (i32.ne (local.get $axis) (i32.const 1)) (i32.eqz (i32.and (local.get $slip) (i32.const 2))))
                  (then
                  (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c))))
                  (if (i32.eqz (local.get $axis)) (then (local.set $acc (f64.add (local.get $acc) (f64.mul (f64.mul (f64.const 2) (local.get $c)) (local.get $lidU))))))))))
              (local.set $c (f64.mul (local.get $nuDt) (local.get $hz2)))
              (if (i32.gt_s (local.get $k) (i32.const 0))
                (then
                  (if (i32.and (i32.ne (local.get $axis) (i32.const 2)) (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.sub (local.get $f) (local.get $sxy)))) (local.get $kClosed)))
                    (then (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c)))))
                    (else
                      (local.set $dg (f64.add (local.get $dg) (local.get $c)))
                      (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $c) (f64.load (i32.add (local.get $vel) (i32.shl (i32.sub (local.get $f) (local.get $sxy)) (i32.const 3))))))))))
                (else (if (i32.and (i32.ne (local.get $axis) (i32.const 2)) (i32.eqz (i32.and (local.get $slip) (i32.const 4))))
                  (then
                  (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c))))))))
              (if (i32.lt_s (local.get $k) (i32.sub (local.get $sz) (i32.const 1)))
                (then
                  (if (i32.and (i32.ne (local.get $axis) (i32.const 2)) (i32.eq (i32.load8_u (i32.add (local.get $kind) (i32.add (local.get $f) (local.get $sxy)))) (local.get $kClosed)))
                    (then (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c)))))
                    (else
                      (local.set $dg (f64.add (local.get $dg) (local.get $c)))
                      (local.set $acc (f64.add (local.get $acc) (f64.mul (local.get $c) (f64.load (i32.add (local.get $vel) (i32.shl (i32.add (local.get $f) (local.get $sxy)) (i32.const 3))))))))))
                (else (if (i32.and (i32.ne (local.get $axis) (i32.const 2)) (i32.eqz (i32.and (local.get $slip) (i32.const 4))))
                  (then
                  (local.set $dg (f64.add (local.get $dg) (f64.mul (f64.const 2) (local.get $c))))))))
              (f64.store (i32.add (local.get $vel) (i32.shl (local.get $f) (i32.const 3))) (f64.div (local.get $acc) (local.get $dg)))))
                (local.set $f (i32.add (local.get $f) (i32.const 1)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $faces (i32.lt_s (local.get $i) (local.get $sx))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br_if $rows (i32.lt_s (local.get $j) (local.get $sy))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br_if $layers (i32.lt_s (local.get $k) (local.get $sz))))
          (local.set $axis (i32.add (local.get $axis) (i32.const 1)))
          (br_if $axes (i32.lt_s (local.get $axis) (i32.const 3))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $sweepLoop))))

  ;; advect.ts, the semi-Lagrangian step. clamp(v, hi) = 0 below 0, hi above hi.
  (func $clamp (param $v i32) (param $hi i32) (result i32)
    (select (i32.const 0) (select (local.get $hi) (local.get $v) (i32.gt_s (local.get $v) (local.get $hi))) (i32.lt_s (local.get $v) (i32.const 0))))
  ;; uAt, vAt, wAt — a face velocity of a component's grid, its indices clamped to the grid.
  (func $uAt (param $vel i32) (param $i i32) (param $j i32) (param $k i32) (param $nx i32) (param $ny i32) (param $nz i32) (result f64)
    (f64.load (i32.add (local.get $vel) (i32.shl
      (i32.add (call $clamp (local.get $i) (local.get $nx)) (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.add (call $clamp (local.get $j) (i32.sub (local.get $ny) (i32.const 1))) (i32.mul (local.get $ny) (call $clamp (local.get $k) (i32.sub (local.get $nz) (i32.const 1)))))))
      (i32.const 3)))))
  (func $vAt (param $vel i32) (param $i i32) (param $j i32) (param $k i32) (param $nx i32) (param $ny i32) (param $nz i32) (result f64)
    (f64.load (i32.add (local.get $vel) (i32.shl
      (i32.add (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.mul (local.get $ny) (local.get $nz)))
        (i32.add (call $clamp (local.get $i) (i32.sub (local.get $nx) (i32.const 1))) (i32.mul (local.get $nx) (i32.add (call $clamp (local.get $j) (local.get $ny)) (i32.mul (i32.add (local.get $ny) (i32.const 1)) (call $clamp (local.get $k) (i32.sub (local.get $nz) (i32.const 1))))))))
      (i32.const 3)))))
  (func $wAt (param $vel i32) (param $i i32) (param $j i32) (param $k i32) (param $nx i32) (param $ny i32) (param $nz i32) (result f64)
    (f64.load (i32.add (local.get $vel) (i32.shl
      (i32.add (i32.add (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.mul (local.get $ny) (local.get $nz))) (i32.mul (local.get $nx) (i32.mul (i32.add (local.get $ny) (i32.const 1)) (local.get $nz))))
        (i32.add (call $clamp (local.get $i) (i32.sub (local.get $nx) (i32.const 1))) (i32.mul (local.get $nx) (i32.add (call $clamp (local.get $j) (i32.sub (local.get $ny) (i32.const 1))) (i32.mul (local.get $ny) (call $clamp (local.get $k) (local.get $nz)))))))
      (i32.const 3)))))

  ;; trilinear — the sample of one component's grid (sx × sy × sz values from `off`) at the grid
  ;; coordinates (fx, fy, fz), each clamped to 0 … s − 1 (a NaN stays NaN), its lower corner
  ;; (i, j, k) = floor, pulled back to s − 2 (not below 0) at the last value, t = f − i where s > 1
  ;; (else 0 and no step along that axis); c = a000 + tx·(a100 − a000) along x, then y, then z. With
  ;; $wantRange, the min and max of the 8 values go to [$lo] and [$hi]. A NaN coordinate gives NaN
  ;; (and a NaN range), as the loop's read of a[NaN] did.
  (func $trilinear (param $a i32) (param $off i32) (param $sx i32) (param $sy i32) (param $sz i32) (param $fx f64) (param $fy f64) (param $fz f64) (param $wantRange i32) (param $lo i32) (param $hi i32) (result f64)
    (local $i f64) (local $j f64) (local $k f64) (local $tx f64) (local $ty f64) (local $tz f64) (local $di i32) (local $dj i32) (local $dk i32) (local $p i32)
    (local $a000 f64) (local $a100 f64) (local $a010 f64) (local $a110 f64) (local $a001 f64) (local $a101 f64) (local $a011 f64) (local $a111 f64)
    (local $c00 f64) (local $c10 f64) (local $c01 f64) (local $c11 f64) (local $c0 f64) (local $c1 f64)
    (if (i32.or (i32.or (f64.ne (local.get $fx) (local.get $fx)) (f64.ne (local.get $fy) (local.get $fy))) (f64.ne (local.get $fz) (local.get $fz)))
      (then
        (if (local.get $wantRange) (then (f64.store (local.get $lo) (f64.const nan)) (f64.store (local.get $hi) (f64.const nan))))
        (return (f64.const nan))))
    (local.set $fx (select (f64.const 0) (select (f64.convert_i32_s (i32.sub (local.get $sx) (i32.const 1))) (local.get $fx) (f64.gt (local.get $fx) (f64.convert_i32_s (i32.sub (local.get $sx) (i32.const 1))))) (f64.lt (local.get $fx) (f64.const 0))))
    (local.set $fy (select (f64.const 0) (select (f64.convert_i32_s (i32.sub (local.get $sy) (i32.const 1))) (local.get $fy) (f64.gt (local.get $fy) (f64.convert_i32_s (i32.sub (local.get $sy) (i32.const 1))))) (f64.lt (local.get $fy) (f64.const 0))))
    (local.set $fz (select (f64.const 0) (select (f64.convert_i32_s (i32.sub (local.get $sz) (i32.const 1))) (local.get $fz) (f64.gt (local.get $fz) (f64.convert_i32_s (i32.sub (local.get $sz) (i32.const 1))))) (f64.lt (local.get $fz) (f64.const 0))))
    (local.set $i (f64.floor (local.get $fx)))
    (if (f64.gt (local.get $i) (f64.convert_i32_s (i32.sub (local.get $sx) (i32.const 2))))
      (then (local.set $i (f64.max (f64.const 0) (f64.convert_i32_s (i32.sub (local.get $sx) (i32.const 2)))))))
    (local.set $j (f64.floor (local.get $fy)))
    (if (f64.gt (local.get $j) (f64.convert_i32_s (i32.sub (local.get $sy) (i32.const 2))))
      (then (local.set $j (f64.max (f64.const 0) (f64.convert_i32_s (i32.sub (local.get $sy) (i32.const 2)))))))
    (local.set $k (f64.floor (local.get $fz)))
    (if (f64.gt (local.get $k) (f64.convert_i32_s (i32.sub (local.get $sz) (i32.const 2))))
      (then (local.set $k (f64.max (f64.const 0) (f64.convert_i32_s (i32.sub (local.get $sz) (i32.const 2)))))))
    (local.set $tx (select (f64.sub (local.get $fx) (local.get $i)) (f64.const 0) (i32.gt_s (local.get $sx) (i32.const 1))))
    (local.set $ty (select (f64.sub (local.get $fy) (local.get $j)) (f64.const 0) (i32.gt_s (local.get $sy) (i32.const 1))))
    (local.set $tz (select (f64.sub (local.get $fz) (local.get $k)) (f64.const 0) (i32.gt_s (local.get $sz) (i32.const 1))))
    (local.set $di (select (i32.const 1) (i32.const 0) (i32.gt_s (local.get $sx) (i32.const 1))))
    (local.set $dj (select (local.get $sx) (i32.const 0) (i32.gt_s (local.get $sy) (i32.const 1))))
    (local.set $dk (select (i32.mul (local.get $sx) (local.get $sy)) (i32.const 0) (i32.gt_s (local.get $sz) (i32.const 1))))
    (local.set $p (i32.add (local.get $off) (i32.add (i32.trunc_f64_s (local.get $i)) (i32.mul (local.get $sx) (i32.add (i32.trunc_f64_s (local.get $j)) (i32.mul (local.get $sy) (i32.trunc_f64_s (local.get $k))))))))
    (local.set $a000 (f64.load (i32.add (local.get $a) (i32.shl (local.get $p) (i32.const 3)))))
    (local.set $a100 (f64.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $p) (local.get $di)) (i32.const 3)))))
    (local.set $a010 (f64.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $p) (local.get $dj)) (i32.const 3)))))
    (local.set $a110 (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.add (local.get $p) (local.get $dj)) (local.get $di)) (i32.const 3)))))
    (local.set $a001 (f64.load (i32.add (local.get $a) (i32.shl (i32.add (local.get $p) (local.get $dk)) (i32.const 3)))))
    (local.set $a101 (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.add (local.get $p) (local.get $dk)) (local.get $di)) (i32.const 3)))))
    (local.set $a011 (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.add (local.get $p) (local.get $dk)) (local.get $dj)) (i32.const 3)))))
    (local.set $a111 (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.add (i32.add (local.get $p) (local.get $dk)) (local.get $dj)) (local.get $di)) (i32.const 3)))))
    (if (local.get $wantRange)
      (then
        (f64.store (local.get $lo) (f64.min (f64.min (f64.min (f64.min (f64.min (f64.min (f64.min (local.get $a000) (local.get $a100)) (local.get $a010)) (local.get $a110)) (local.get $a001)) (local.get $a101)) (local.get $a011)) (local.get $a111)))
        (f64.store (local.get $hi) (f64.max (f64.max (f64.max (f64.max (f64.max (f64.max (f64.max (local.get $a000) (local.get $a100)) (local.get $a010)) (local.get $a110)) (local.get $a001)) (local.get $a101)) (local.get $a011)) (local.get $a111)))))
    (local.set $c00 (f64.add (local.get $a000) (f64.mul (local.get $tx) (f64.sub (local.get $a100) (local.get $a000)))))
    (local.set $c10 (f64.add (local.get $a010) (f64.mul (local.get $tx) (f64.sub (local.get $a110) (local.get $a010)))))
    (local.set $c01 (f64.add (local.get $a001) (f64.mul (local.get $tx) (f64.sub (local.get $a101) (local.get $a001)))))
    (local.set $c11 (f64.add (local.get $a011) (f64.mul (local.get $tx) (f64.sub (local.get $a111) (local.get $a011)))))
    (local.set $c0 (f64.add (local.get $c00) (f64.mul (local.get $ty) (f64.sub (local.get $c10) (local.get $c00)))))
    (local.set $c1 (f64.add (local.get $c01) (f64.mul (local.get $ty) (f64.sub (local.get $c11) (local.get $c01)))))
    (f64.add (local.get $c0) (f64.mul (local.get $tz) (f64.sub (local.get $c1) (local.get $c0)))))

  ;; semiLagrangian — every face of the u, v, w grids in index order: a face of kind $kFixed or
  ;; $kClosed copies src; any other takes the sample of src's component at its departure point
  ;; (trilinear), traced back from the face position ((i + ox)·dx, (j + oy)·dy, (k + oz)·dz) with the
  ;; velocity `vel` at the face (its own component, the mean ((a + b) + c + d)·0.25 of the four
  ;; faces around it of the others, faceVelocity): Euler, x − dt·u, or ($rk2) midpoint,
  ;; x − dt·u(x − (0.5·dt)·u) with u sampled from vel (sampleU, sampleV, sampleW). With $clip the
  ;; trace walks n = ceil(max(|e|/h)) steps of e·s/n from the face and stops before the first point
  ;; outside the domain or in a cell whose solid is set (a NaN point is no stop, as solid[NaN] was
  ;; none). A trace of infinite length (an infinite velocity) is not walked: each of its points
  ;; would be ∞/∞ = NaN, none a stop, and the walk would never end; its departure point is left as
  ;; it is, as an unclipped trace's. A finite n ends by itself: each step moves one cell along the
  ;; trace's longest axis, so the walk leaves the domain within that axis's cells. $wantRange: the
  ;; sample's min and max into lo and hi.
  (func $semiLagrangian (param $nx i32) (param $ny i32) (param $nz i32) (param $dx f64) (param $dy f64) (param $dz f64) (param $dt f64) (param $rk2 i32) (param $clip i32) (param $kFixed i32) (param $kClosed i32)
    (param $kind i32) (param $solid i32) (param $vel i32) (param $src i32) (param $out i32) (param $wantRange i32) (param $lo i32) (param $hi i32)
    (local $axis i32) (local $off i32) (local $sx i32) (local $sy i32) (local $sz i32) (local $ox f64) (local $oy f64) (local $oz f64) (local $i i32) (local $j i32) (local $k i32) (local $f i32) (local $kd i32) (local $q i32)
    (local $x f64) (local $y f64) (local $z f64) (local $h0 f64) (local $h1 f64) (local $h2 f64) (local $xm f64) (local $ym f64) (local $zm f64) (local $xd f64) (local $yd f64) (local $zd f64)
    (local $ex f64) (local $ey f64) (local $ez f64) (local $n f64) (local $s f64) (local $px f64) (local $py f64) (local $pz f64) (local $qx f64) (local $qy f64) (local $qz f64)
    (local $ci f64) (local $cj f64) (local $ck f64) (local $ii i32) (local $jj i32) (local $kk i32) (local $lx f64) (local $ly f64) (local $lz f64) (local $nU i32) (local $nV i32)
    (local.set $nU (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.mul (local.get $ny) (local.get $nz))))
    (local.set $nV (i32.mul (local.get $nx) (i32.mul (i32.add (local.get $ny) (i32.const 1)) (local.get $nz))))
    (local.set $lx (f64.mul (f64.convert_i32_s (local.get $nx)) (local.get $dx)))
    (local.set $ly (f64.mul (f64.convert_i32_s (local.get $ny)) (local.get $dy)))
    (local.set $lz (f64.mul (f64.convert_i32_s (local.get $nz)) (local.get $dz)))
    (loop $axes
      (local.set $off (select (i32.const 0) (select (local.get $nU) (i32.add (local.get $nU) (local.get $nV)) (i32.eq (local.get $axis) (i32.const 1))) (i32.eqz (local.get $axis))))
      (local.set $sx (i32.add (local.get $nx) (i32.eqz (local.get $axis))))
      (local.set $sy (i32.add (local.get $ny) (i32.eq (local.get $axis) (i32.const 1))))
      (local.set $sz (i32.add (local.get $nz) (i32.eq (local.get $axis) (i32.const 2))))
      (local.set $ox (select (f64.const 0) (f64.const 0.5) (i32.eqz (local.get $axis))))
      (local.set $oy (select (f64.const 0) (f64.const 0.5) (i32.eq (local.get $axis) (i32.const 1))))
      (local.set $oz (select (f64.const 0) (f64.const 0.5) (i32.eq (local.get $axis) (i32.const 2))))
      (local.set $k (i32.const 0))
      (loop $layers
        (local.set $j (i32.const 0))
        (loop $rows
          (local.set $i (i32.const 0))
          (loop $faces
            (local.set $q (i32.shl (local.get $f) (i32.const 3)))
            (local.set $kd (i32.load8_u (i32.add (local.get $kind) (local.get $f))))
            (if (i32.or (i32.eq (local.get $kd) (local.get $kFixed)) (i32.eq (local.get $kd) (local.get $kClosed)))
              (then (f64.store (i32.add (local.get $out) (local.get $q)) (f64.load (i32.add (local.get $src) (local.get $q)))))
              (else
                (local.set $x (f64.mul (f64.add (f64.convert_i32_s (local.get $i)) (local.get $ox)) (local.get $dx)))
                (local.set $y (f64.mul (f64.add (f64.convert_i32_s (local.get $j)) (local.get $oy)) (local.get $dy)))
                (local.set $z (f64.mul (f64.add (f64.convert_i32_s (local.get $k)) (local.get $oz)) (local.get $dz)))
                (if (i32.eqz (local.get $axis))
                  (then
                    (local.set $h0 (call $uAt (local.get $vel) (local.get $i) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)))
                    (local.set $h1 (f64.mul (f64.const 0.25) (f64.add (f64.add (f64.add (call $vAt (local.get $vel) (i32.sub (local.get $i) (i32.const 1)) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)) (call $vAt (local.get $vel) (local.get $i) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz))) (call $vAt (local.get $vel) (i32.sub (local.get $i) (i32.const 1)) (i32.add (local.get $j) (i32.const 1)) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz))) (call $vAt (local.get $vel) (local.get $i) (i32.add (local.get $j) (i32.const 1)) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)))))
                    (local.set $h2 (f64.mul (f64.const 0.25) (f64.add (f64.add (f64.add (call $wAt (local.get $vel) (i32.sub (local.get $i) (i32.const 1)) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)) (call $wAt (local.get $vel) (local.get $i) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz))) (call $wAt (local.get $vel) (i32.sub (local.get $i) (i32.const 1)) (local.get $j) (i32.add (local.get $k) (i32.const 1)) (local.get $nx) (local.get $ny) (local.get $nz))) (call $wAt (local.get $vel) (local.get $i) (local.get $j) (i32.add (local.get $k) (i32.const 1)) (local.get $nx) (local.get $ny) (local.get $nz))))))
                  (else (if (i32.eq (local.get $axis) (i32.const 1))
                    (then
                      (local.set $h0 (f64.mul (f64.const 0.25) (f64.add (f64.add (f64.add (call $uAt (local.get $vel) (local.get $i) (i32.sub (local.get $j) (i32.const 1)) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)) (call $uAt (local.get $vel) (i32.add (local.get $i) (i32.const 1)) (i32.sub (local.get $j) (i32.const 1)) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz))) (call $uAt (local.get $vel) (local.get $i) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz))) (call $uAt (local.get $vel) (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)))))
                      (local.set $h1 (call $vAt (local.get $vel) (local.get $i) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)))
                      (local.set $h2 (f64.mul (f64.const 0.25) (f64.add (f64.add (f64.add (call $wAt (local.get $vel) (local.get $i) (i32.sub (local.get $j) (i32.const 1)) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)) (call $wAt (local.get $vel) (local.get $i) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz))) (call $wAt (local.get $vel) (local.get $i) (i32.sub (local.get $j) (i32.const 1)) (i32.add (local.get $k) (i32.const 1)) (local.get $nx) (local.get $ny) (local.get $nz))) (call $wAt (local.get $vel) (local.get $i) (local.get $j) (i32.add (local.get $k) (i32.const 1)) (local.get $nx) (local.get $ny) (local.get $nz))))))
                    (else
                      (local.set $h0 (f64.mul (f64.const 0.25) (f64.add (f64.add (f64.add (call $uAt (local.get $vel) (local.get $i) (local.get $j) (i32.sub (local.get $k) (i32.const 1)) (local.get $nx) (local.get $ny) (local.get $nz)) (call $uAt (local.get $vel) (i32.add (local.get $i) (i32.const 1)) (local.get $j) (i32.sub (local.get $k) (i32.const 1)) (local.get $nx) (local.get $ny) (local.get $nz))) (call $uAt (local.get $vel) (local.get $i) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz))) (call $uAt (local.get $vel) (i32.add (local.get $i) (i32.const 1)) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)))))
                      (local.set $h1 (f64.mul (f64.const 0.25) (f64.add (f64.add (f64.add (call $vAt (local.get $vel) (local.get $i) (local.get $j) (i32.sub (local.get $k) (i32.const 1)) (local.get $nx) (local.get $ny) (local.get $nz)) (call $vAt (local.get $vel) (local.get $i) (i32.add (local.get $j) (i32.const 1)) (i32.sub (local.get $k) (i32.const 1)) (local.get $nx) (local.get $ny) (local.get $nz))) (call $vAt (local.get $vel) (local.get $i) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz))) (call $vAt (local.get $vel) (local.get $i) (i32.add (local.get $j) (i32.const 1)) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)))))
                      (local.set $h2 (call $wAt (local.get $vel) (local.get $i) (local.get $j) (local.get $k) (local.get $nx) (local.get $ny) (local.get $nz)))))))
                (if (local.get $rk2)
                  (then
                    (local.set $xm (f64.sub (local.get $x) (f64.mul (f64.mul (f64.const 0.5) (local.get $dt)) (local.get $h0))))
                    (local.set $ym (f64.sub (local.get $y) (f64.mul (f64.mul (f64.const 0.5) (local.get $dt)) (local.get $h1))))
                    (local.set $zm (f64.sub (local.get $z) (f64.mul (f64.mul (f64.const 0.5) (local.get $dt)) (local.get $h2))))
                    (local.set $xd (f64.sub (local.get $x) (f64.mul (local.get $dt)
                      (call $trilinear (local.get $vel) (i32.const 0) (i32.add (local.get $nx) (i32.const 1)) (local.get $ny) (local.get $nz)
                        (f64.div (local.get $xm) (local.get $dx)) (f64.sub (f64.div (local.get $ym) (local.get $dy)) (f64.const 0.5)) (f64.sub (f64.div (local.get $zm) (local.get $dz)) (f64.const 0.5)) (i32.const 0) (i32.const 0) (i32.const 0)))))
                    (local.set $yd (f64.sub (local.get $y) (f64.mul (local.get $dt)
                      (call $trilinear (local.get $vel) (local.get $nU) (local.get $nx) (i32.add (local.get $ny) (i32.const 1)) (local.get $nz)
                        (f64.sub (f64.div (local.get $xm) (local.get $dx)) (f64.const 0.5)) (f64.div (local.get $ym) (local.get $dy)) (f64.sub (f64.div (local.get $zm) (local.get $dz)) (f64.const 0.5)) (i32.const 0) (i32.const 0) (i32.const 0)))))
                    (local.set $zd (f64.sub (local.get $z) (f64.mul (local.get $dt)
                      (call $trilinear (local.get $vel) (i32.add (local.get $nU) (local.get $nV)) (local.get $nx) (local.get $ny) (i32.add (local.get $nz) (i32.const 1))
                        (f64.sub (f64.div (local.get $xm) (local.get $dx)) (f64.const 0.5)) (f64.sub (f64.div (local.get $ym) (local.get $dy)) (f64.const 0.5)) (f64.div (local.get $zm) (local.get $dz)) (i32.const 0) (i32.const 0) (i32.const 0))))))
                  (else
                    (local.set $xd (f64.sub (local.get $x) (f64.mul (local.get $dt) (local.get $h0))))
                    (local.set $yd (f64.sub (local.get $y) (f64.mul (local.get $dt) (local.get $h1))))
                    (local.set $zd (f64.sub (local.get $z) (f64.mul (local.get $dt) (local.get $h2))))))
                (if (local.get $clip)
                  (then
                    (local.set $ex (f64.sub (local.get $xd) (local.get $x)))
                    (local.set $ey (f64.sub (local.get $yd) (local.get $y)))
                    (local.set $ez (f64.sub (local.get $zd) (local.get $z)))
                    (local.set $n (f64.ceil (f64.max (f64.max (f64.div (f64.abs (local.get $ex)) (local.get $dx)) (f64.div (f64.abs (local.get $ey)) (local.get $dy))) (f64.div (f64.abs (local.get $ez)) (local.get $dz)))))
                    (if (i32.and (f64.gt (local.get $n) (f64.const 0)) (f64.lt (local.get $n) (f64.const inf)))
                      (then
                        (local.set $px (local.get $x))
                        (local.set $py (local.get $y))
                        (local.set $pz (local.get $z))
                        (local.set $s (f64.const 1))
                        (block $stop
                          (loop $walk
                            (br_if $stop (i32.eqz (f64.le (local.get $s) (local.get $n))))
                            (local.set $qx (f64.add (local.get $x) (f64.div (f64.mul (local.get $ex) (local.get $s)) (local.get $n))))
                            (local.set $qy (f64.add (local.get $y) (f64.div (f64.mul (local.get $ey) (local.get $s)) (local.get $n))))
                            (local.set $qz (f64.add (local.get $z) (f64.div (f64.mul (local.get $ez) (local.get $s)) (local.get $n))))
                            (br_if $stop (i32.or (i32.or (i32.or (f64.lt (local.get $qx) (f64.const 0)) (f64.lt (local.get $qy) (f64.const 0))) (i32.or (f64.lt (local.get $qz) (f64.const 0)) (f64.gt (local.get $qx) (local.get $lx)))) (i32.or (f64.gt (local.get $qy) (local.get $ly)) (f64.gt (local.get $qz) (local.get $lz)))))
                            (local.set $ci (f64.floor (f64.div (local.get $qx) (local.get $dx))))
                            (local.set $cj (f64.floor (f64.div (local.get $qy) (local.get $dy))))
                            (local.set $ck (f64.floor (f64.div (local.get $qz) (local.get $dz))))
                            (if (i32.eqz (i32.or (i32.or (f64.ne (local.get $ci) (local.get $ci)) (f64.ne (local.get $cj) (local.get $cj))) (f64.ne (local.get $ck) (local.get $ck))))
                              (then
                                (local.set $ii (select (i32.trunc_f64_s (local.get $ci)) (i32.sub (local.get $nx) (i32.const 1)) (f64.lt (local.get $ci) (f64.convert_i32_s (local.get $nx)))))
                                (local.set $jj (select (i32.trunc_f64_s (local.get $cj)) (i32.sub (local.get $ny) (i32.const 1)) (f64.lt (local.get $cj) (f64.convert_i32_s (local.get $ny)))))
                                (local.set $kk (select (i32.trunc_f64_s (local.get $ck)) (i32.sub (local.get $nz) (i32.const 1)) (f64.lt (local.get $ck) (f64.convert_i32_s (local.get $nz)))))
                                (br_if $stop (i32.load8_u (i32.add (local.get $solid) (i32.add (local.get $ii) (i32.mul (local.get $nx) (i32.add (local.get $jj) (i32.mul (local.get $ny) (local.get $kk))))))))))
                            (local.set $px (local.get $qx))
                            (local.set $py (local.get $qy))
                            (local.set $pz (local.get $qz))
                            (local.set $s (f64.add (local.get $s) (f64.const 1)))
                            (br $walk)))
                        (local.set $xd (local.get $px))
                        (local.set $yd (local.get $py))
                        (local.set $zd (local.get $pz))))))
                (local.set $xd (f64.sub (f64.div (local.get $xd) (local.get $dx)) (local.get $ox)))
                (local.set $yd (f64.sub (f64.div (local.get $yd) (local.get $dy)) (local.get $oy)))
                (local.set $zd (f64.sub (f64.div (local.get $zd) (local.get $dz)) (local.get $oz)))
                (f64.store (i32.add (local.get $out) (local.get $q))
                  (call $trilinear (local.get $src) (local.get $off) (local.get $sx) (local.get $sy) (local.get $sz) (local.get $xd) (local.get $yd) (local.get $zd)
                    (local.get $wantRange) (i32.add (local.get $lo) (local.get $q)) (i32.add (local.get $hi) (local.get $q))))))
            (local.set $f (i32.add (local.get $f) (i32.const 1)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br_if $faces (i32.lt_s (local.get $i) (local.get $sx))))
          (local.set $j (i32.add (local.get $j) (i32.const 1)))
          (br_if $rows (i32.lt_s (local.get $j) (local.get $sy))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $layers (i32.lt_s (local.get $k) (local.get $sz))))
      (local.set $axis (i32.add (local.get $axis) (i32.const 1)))
      (br_if $axes (i32.lt_s (local.get $axis) (i32.const 3)))))

  ;; advectVelocity — one step of vel into out: semiLagrangian from vel; with $maccormack also back
  ;; along −dt from out into back, then every face not of kind $kFixed or $kClosed takes
  ;; corrected = out + 0.5·(vel − back) unless it lies outside [lo, hi] (then out stays).
  (func (export "advect") (param $nx i32) (param $ny i32) (param $nz i32) (param $dx f64) (param $dy f64) (param $dz f64) (param $dt f64) (param $rk2 i32) (param $clip i32) (param $maccormack i32) (param $kFixed i32) (param $kClosed i32)
    (param $kind i32) (param $solid i32) (param $vel i32) (param $out i32) (param $back i32) (param $lo i32) (param $hi i32)
    (local $f i32) (local $n i32) (local $q i32) (local $kd i32) (local $corrected f64)
    (call $semiLagrangian (local.get $nx) (local.get $ny) (local.get $nz) (local.get $dx) (local.get $dy) (local.get $dz) (local.get $dt) (local.get $rk2) (local.get $clip) (local.get $kFixed) (local.get $kClosed)
      (local.get $kind) (local.get $solid) (local.get $vel) (local.get $vel) (local.get $out) (local.get $maccormack) (local.get $lo) (local.get $hi))
    (if (local.get $maccormack)
      (then
        (call $semiLagrangian (local.get $nx) (local.get $ny) (local.get $nz) (local.get $dx) (local.get $dy) (local.get $dz) (f64.neg (local.get $dt)) (local.get $rk2) (local.get $clip) (local.get $kFixed) (local.get $kClosed)
          (local.get $kind) (local.get $solid) (local.get $vel) (local.get $out) (local.get $back) (i32.const 0) (i32.const 0) (i32.const 0))
        (local.set $n (i32.add (i32.add (i32.mul (i32.add (local.get $nx) (i32.const 1)) (i32.mul (local.get $ny) (local.get $nz))) (i32.mul (local.get $nx) (i32.mul (i32.add (local.get $ny) (i32.const 1)) (local.get $nz)))) (i32.mul (local.get $nx) (i32.mul (local.get $ny) (i32.add (local.get $nz) (i32.const 1))))))
        (block $done
          (loop $faces
            (br_if $done (i32.ge_s (local.get $f) (local.get $n)))
            (local.set $kd (i32.load8_u (i32.add (local.get $kind) (local.get $f))))
            (if (i32.eqz (i32.or (i32.eq (local.get $kd) (local.get $kFixed)) (i32.eq (local.get $kd) (local.get $kClosed))))
              (then
                (local.set $q (i32.shl (local.get $f) (i32.const 3)))
                (local.set $corrected (f64.add (f64.load (i32.add (local.get $out) (local.get $q))) (f64.mul (f64.const 0.5) (f64.sub (f64.load (i32.add (local.get $vel) (local.get $q))) (f64.load (i32.add (local.get $back) (local.get $q)))))))
                (if (i32.eqz (i32.or (f64.lt (local.get $corrected) (f64.load (i32.add (local.get $lo) (local.get $q)))) (f64.gt (local.get $corrected) (f64.load (i32.add (local.get $hi) (local.get $q))))))
                  (then (f64.store (i32.add (local.get $out) (local.get $q)) (local.get $corrected))))))
            (local.set $f (i32.add (local.get $f) (i32.const 1)))
            (br $faces))))))
)
