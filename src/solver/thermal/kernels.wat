;; The inner loops of the plan field (flow.ts, multigrid.ts, temperature.ts) as WebAssembly, so a
;; cold process runs them at compiled speed from the first call (V8's baseline WebAssembly
;; compiler) instead of interpreting them until the JavaScript optimiser has caught up.
;; Each function is the loop of the TypeScript it replaces, operation for operation in the same
;; order (IEEE 754 double arithmetic is the same in both: no fused multiply-add, no reordering),
;; so results are bit for bit the same; kernels.ts says which function each one replaces.
;; Arrays live in this module's memory; every pointer is a byte offset, every index a padded cell
;; index (padded.ts: row stride w = nx + 2, ghost ring of zeros).
;; Built into kernelsWasm.ts by scripts/build-wasm.mjs (wabt's wat2wasm); never edit that file.
(module
  (memory (export "memory") 1)
  ;; Set by $sweep when a rack outlet was clamped at the maximum air temperature.
  (global $clamped (export "clamped") (mut i32) (i32.const 0))
  ;; Set by $sweep when a cell was clamped at the maximum air temperature.
  (global $capped (export "capped") (mut i32) (i32.const 0))

  ;; multigrid.ts relaxForward: x[p] = (b[p] + gE[p-1]·x[p-1] + gE[p]·x[p+1] + gN[p-w]·x[p-w] + gN[p]·x[p+w]) / d[p]
  ;; over the rows 1 … ny, each row's cells west to east. Up to eight rows are swept together as a
  ;; wavefront, row m of a group one cell behind row m − 1: every cell still reads exactly the values
  ;; the row-by-row order gives it (its own row's cell before it, updated; the one after it and the
  ;; row after its own, not yet; the row before its own, updated: that row's cell is a step ahead),
  ;; so x is the same bits, while the rows' update chains (each waits on its neighbour's division)
  ;; overlap.
  (func $relaxForward (export "relaxForward") (param $nx i32) (param $ny i32) (param $w i32) (param $gE i32) (param $gN i32) (param $d i32) (param $x i32) (param $b i32)
    (local $j i32) (local $rows i32) (local $t i32) (local $tEnd i32) (local $q i32) (local $w8 i32) (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $o4 i32) (local $o5 i32) (local $o6 i32) (local $o7 i32)
    (local.set $w8 (i32.shl (local.get $w) (i32.const 3)))
    (local.set $j (i32.const 1))
    (block $done
      (loop $groups
        (br_if $done (i32.gt_s (local.get $j) (local.get $ny)))
        ;; rows j … j + rows − 1; o_m: the byte offset of row m's first cell (its west end)
        (local.set $rows (i32.sub (i32.add (local.get $ny) (i32.const 1)) (local.get $j)))
        (if (i32.gt_s (local.get $rows) (i32.const 8)) (then (local.set $rows (i32.const 8))))
        (local.set $o0 (i32.shl (i32.add (i32.mul (local.get $j) (local.get $w)) (i32.const 1)) (i32.const 3)))
        (local.set $o1 (i32.add (local.get $o0) (local.get $w8)))
        (local.set $o2 (i32.add (local.get $o1) (local.get $w8)))
        (local.set $o3 (i32.add (local.get $o2) (local.get $w8)))
        (local.set $o4 (i32.add (local.get $o3) (local.get $w8)))
        (local.set $o5 (i32.add (local.get $o4) (local.get $w8)))
        (local.set $o6 (i32.add (local.get $o5) (local.get $w8)))
        (local.set $o7 (i32.add (local.get $o6) (local.get $w8)))
        (local.set $t (i32.const 0))
        (local.set $tEnd (i32.sub (i32.add (local.get $nx) (local.get $rows)) (i32.const 1)))
        (block $groupDone
          (loop $steps
            (br_if $groupDone (i32.ge_s (local.get $t) (local.get $tEnd)))
          (if (i32.lt_u (local.get $t) (local.get $nx))
            (then
            (local.set $q (i32.add (local.get $o0) (i32.shl (local.get $t) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 1) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 1)) (local.get $nx)))
            (then
            (local.set $q (i32.add (local.get $o1) (i32.shl (i32.sub (local.get $t) (i32.const 1)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 2) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 2)) (local.get $nx)))
            (then
            (local.set $q (i32.add (local.get $o2) (i32.shl (i32.sub (local.get $t) (i32.const 2)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 3) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 3)) (local.get $nx)))
            (then
            (local.set $q (i32.add (local.get $o3) (i32.shl (i32.sub (local.get $t) (i32.const 3)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 4) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 4)) (local.get $nx)))
            (then
            (local.set $q (i32.add (local.get $o4) (i32.shl (i32.sub (local.get $t) (i32.const 4)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 5) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 5)) (local.get $nx)))
            (then
            (local.set $q (i32.add (local.get $o5) (i32.shl (i32.sub (local.get $t) (i32.const 5)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 6) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 6)) (local.get $nx)))
            (then
            (local.set $q (i32.add (local.get $o6) (i32.shl (i32.sub (local.get $t) (i32.const 6)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 7) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 7)) (local.get $nx)))
            (then
            (local.set $q (i32.add (local.get $o7) (i32.shl (i32.sub (local.get $t) (i32.const 7)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $steps)))
        (local.set $j (i32.add (local.get $j) (local.get $rows)))
        (br $groups))))

  ;; multigrid.ts relaxBackward: x[p] = (b[p] + gE[p-1]·x[p-1] + gE[p]·x[p+1] + gN[p-w]·x[p-w] + gN[p]·x[p+w]) / d[p]
  ;; over the rows ny … 1, each row's cells east to west. Up to eight rows are swept together as a
  ;; wavefront, row m of a group one cell behind row m − 1: every cell still reads exactly the values
  ;; the row-by-row order gives it (its own row's cell before it, updated; the one after it and the
  ;; row after its own, not yet; the row before its own, updated: that row's cell is a step ahead),
  ;; so x is the same bits, while the rows' update chains (each waits on its neighbour's division)
  ;; overlap.
  (func $relaxBackward (export "relaxBackward") (param $nx i32) (param $ny i32) (param $w i32) (param $gE i32) (param $gN i32) (param $d i32) (param $x i32) (param $b i32)
    (local $j i32) (local $rows i32) (local $t i32) (local $tEnd i32) (local $q i32) (local $w8 i32) (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $o4 i32) (local $o5 i32) (local $o6 i32) (local $o7 i32)
    (local.set $w8 (i32.shl (local.get $w) (i32.const 3)))
    (local.set $j (local.get $ny))
    (block $done
      (loop $groups
        (br_if $done (i32.lt_s (local.get $j) (i32.const 1)))
        ;; rows j, j − 1, … (rows of them); o_m: the byte offset of row m's last cell (its east end)
        (local.set $rows (local.get $j))
        (if (i32.gt_s (local.get $rows) (i32.const 8)) (then (local.set $rows (i32.const 8))))
        (local.set $o0 (i32.shl (i32.add (i32.mul (local.get $j) (local.get $w)) (local.get $nx)) (i32.const 3)))
        (local.set $o1 (i32.sub (local.get $o0) (local.get $w8)))
        (local.set $o2 (i32.sub (local.get $o1) (local.get $w8)))
        (local.set $o3 (i32.sub (local.get $o2) (local.get $w8)))
        (local.set $o4 (i32.sub (local.get $o3) (local.get $w8)))
        (local.set $o5 (i32.sub (local.get $o4) (local.get $w8)))
        (local.set $o6 (i32.sub (local.get $o5) (local.get $w8)))
        (local.set $o7 (i32.sub (local.get $o6) (local.get $w8)))
        (local.set $t (i32.const 0))
        (local.set $tEnd (i32.sub (i32.add (local.get $nx) (local.get $rows)) (i32.const 1)))
        (block $groupDone
          (loop $steps
            (br_if $groupDone (i32.ge_s (local.get $t) (local.get $tEnd)))
          (if (i32.lt_u (local.get $t) (local.get $nx))
            (then
            (local.set $q (i32.sub (local.get $o0) (i32.shl (local.get $t) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 1) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 1)) (local.get $nx)))
            (then
            (local.set $q (i32.sub (local.get $o1) (i32.shl (i32.sub (local.get $t) (i32.const 1)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 2) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 2)) (local.get $nx)))
            (then
            (local.set $q (i32.sub (local.get $o2) (i32.shl (i32.sub (local.get $t) (i32.const 2)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 3) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 3)) (local.get $nx)))
            (then
            (local.set $q (i32.sub (local.get $o3) (i32.shl (i32.sub (local.get $t) (i32.const 3)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 4) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 4)) (local.get $nx)))
            (then
            (local.set $q (i32.sub (local.get $o4) (i32.shl (i32.sub (local.get $t) (i32.const 4)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 5) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 5)) (local.get $nx)))
            (then
            (local.set $q (i32.sub (local.get $o5) (i32.shl (i32.sub (local.get $t) (i32.const 5)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 6) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 6)) (local.get $nx)))
            (then
            (local.set $q (i32.sub (local.get $o6) (i32.shl (i32.sub (local.get $t) (i32.const 6)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
          (if (i32.and (i32.lt_s (i32.const 7) (local.get $rows)) (i32.lt_u (i32.sub (local.get $t) (i32.const 7)) (local.get $nx)))
            (then
            (local.set $q (i32.sub (local.get $o7) (i32.shl (i32.sub (local.get $t) (i32.const 7)) (i32.const 3))))
            (f64.store (i32.add (local.get $x) (local.get $q))
              (f64.div
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.add
                        (f64.load (i32.add (local.get $b) (local.get $q)))
                        (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $q)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                      (f64.mul (f64.load (i32.add (local.get $gE) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $q)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                  (f64.mul (f64.load (i32.add (local.get $gN) (local.get $q))) (f64.load (i32.add (i32.add (local.get $x) (local.get $q)) (local.get $w8)))))
                (f64.load (i32.add (local.get $d) (local.get $q)))))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $steps)))
        (local.set $j (i32.sub (local.get $j) (local.get $rows)))
        (br $groups))))

  ;; multigrid.ts residual: r[p] = b[p] − d[p]·x[p] + gE[p-1]·x[p-1] + gE[p]·x[p+1] + gN[p-w]·x[p-w] + gN[p]·x[p+w]
  (func $residual (export "residual") (param $nx i32) (param $ny i32) (param $w i32) (param $gE i32) (param $gN i32) (param $d i32) (param $x i32) (param $b i32) (param $r i32)
    (local $j i32) (local $o i32) (local $end i32) (local $w8 i32)
    (local.set $w8 (i32.shl (local.get $w) (i32.const 3)))
    (local.set $j (i32.const 1))
    (block $done
      (loop $rows
        (br_if $done (i32.gt_s (local.get $j) (local.get $ny)))
        (local.set $o (i32.shl (i32.add (i32.mul (local.get $j) (local.get $w)) (i32.const 1)) (i32.const 3)))
        (local.set $end (i32.add (local.get $o) (i32.shl (local.get $nx) (i32.const 3))))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $o) (local.get $end)))
            (f64.store (i32.add (local.get $r) (local.get $o))
              (f64.add
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.sub
                        (f64.load (i32.add (local.get $b) (local.get $o)))
                        (f64.mul (f64.load (i32.add (local.get $d) (local.get $o))) (f64.load (i32.add (local.get $x) (local.get $o)))))
                      (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $o)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $o)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.add (local.get $gE) (local.get $o))) (f64.load (i32.add (i32.add (local.get $x) (local.get $o)) (i32.const 8)))))
                  (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $o)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $o)) (local.get $w8)))))
                (f64.mul (f64.load (i32.add (local.get $gN) (local.get $o))) (f64.load (i32.add (i32.add (local.get $x) (local.get $o)) (local.get $w8))))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))

  ;; multigrid.ts restrict (after cb is zeroed): cb[((j >> sy) + 1)·cw + 1 + (i >> sx)] += r[(j + 1)·w + 1 + i]
  (func $restrict (export "restrict") (param $nx i32) (param $ny i32) (param $w i32) (param $r i32) (param $sx i32) (param $sy i32) (param $cb i32) (param $cw i32)
    (local $j i32) (local $i i32) (local $o i32) (local $row i32) (local $co i32)
    (local.set $j (i32.const 0))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $j) (local.get $ny)))
        (local.set $row (i32.add (i32.mul (i32.add (i32.shr_s (local.get $j) (local.get $sy)) (i32.const 1)) (local.get $cw)) (i32.const 1)))
        (local.set $o (i32.shl (i32.add (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $w)) (i32.const 1)) (i32.const 3)))
        (local.set $i (i32.const 0))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $i) (local.get $nx)))
            (local.set $co (i32.add (local.get $cb) (i32.shl (i32.add (local.get $row) (i32.shr_s (local.get $i) (local.get $sx))) (i32.const 3))))
            (f64.store (local.get $co) (f64.add (f64.load (local.get $co)) (f64.load (i32.add (local.get $r) (local.get $o)))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))

  ;; multigrid.ts prolong: x[(j + 1)·w + 1 + i] += cx[((j >> sy) + 1)·cw + 1 + (i >> sx)]
  (func $prolong (export "prolong") (param $nx i32) (param $ny i32) (param $w i32) (param $x i32) (param $sx i32) (param $sy i32) (param $cx i32) (param $cw i32)
    (local $j i32) (local $i i32) (local $o i32) (local $row i32) (local $xo i32)
    (local.set $j (i32.const 0))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $j) (local.get $ny)))
        (local.set $row (i32.add (i32.mul (i32.add (i32.shr_s (local.get $j) (local.get $sy)) (i32.const 1)) (local.get $cw)) (i32.const 1)))
        (local.set $o (i32.shl (i32.add (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $w)) (i32.const 1)) (i32.const 3)))
        (local.set $i (i32.const 0))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $i) (local.get $nx)))
            (local.set $xo (i32.add (local.get $x) (local.get $o)))
            (f64.store (local.get $xo)
              (f64.add (f64.load (local.get $xo)) (f64.load (i32.add (local.get $cx) (i32.shl (i32.add (local.get $row) (i32.shr_s (local.get $i) (local.get $sx))) (i32.const 3))))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))

  ;; multigrid.ts precondition's sum: Σ z[p]·r[p] over the hall's cells, row by row.
  (func $dotInterior (export "dotInterior") (param $nx i32) (param $ny i32) (param $w i32) (param $z i32) (param $r i32) (result f64)
    (local $j i32) (local $o i32) (local $end i32) (local $sum f64)
    (local.set $j (i32.const 1))
    (block $done
      (loop $rows
        (br_if $done (i32.gt_s (local.get $j) (local.get $ny)))
        (local.set $o (i32.shl (i32.add (i32.mul (local.get $j) (local.get $w)) (i32.const 1)) (i32.const 3)))
        (local.set $end (i32.add (local.get $o) (i32.shl (local.get $nx) (i32.const 3))))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $o) (local.get $end)))
            (local.set $sum (f64.add (local.get $sum) (f64.mul (f64.load (i32.add (local.get $z) (local.get $o))) (f64.load (i32.add (local.get $r) (local.get $o))))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows)))
    (local.get $sum))

  ;; flow.ts multiplyDot: y[p] = d[p]·x[p] − gE[p-1]·x[p-1] − gE[p]·x[p+1] − gN[p-w]·x[p-w] − gN[p]·x[p+w]; returns Σ y[p]·x[p].
  (func (export "multiplyDot") (param $nx i32) (param $ny i32) (param $w i32) (param $gE i32) (param $gN i32) (param $d i32) (param $x i32) (param $y i32) (result f64)
    (local $j i32) (local $o i32) (local $end i32) (local $w8 i32) (local $v f64) (local $sum f64)
    (local.set $w8 (i32.shl (local.get $w) (i32.const 3)))
    (local.set $j (i32.const 1))
    (block $done
      (loop $rows
        (br_if $done (i32.gt_s (local.get $j) (local.get $ny)))
        (local.set $o (i32.shl (i32.add (i32.mul (local.get $j) (local.get $w)) (i32.const 1)) (i32.const 3)))
        (local.set $end (i32.add (local.get $o) (i32.shl (local.get $nx) (i32.const 3))))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $o) (local.get $end)))
            (local.set $v
              (f64.sub
                (f64.sub
                  (f64.sub
                    (f64.sub
                      (f64.mul (f64.load (i32.add (local.get $d) (local.get $o))) (f64.load (i32.add (local.get $x) (local.get $o))))
                      (f64.mul (f64.load (i32.sub (i32.add (local.get $gE) (local.get $o)) (i32.const 8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $o)) (i32.const 8)))))
                    (f64.mul (f64.load (i32.add (local.get $gE) (local.get $o))) (f64.load (i32.add (i32.add (local.get $x) (local.get $o)) (i32.const 8)))))
                  (f64.mul (f64.load (i32.sub (i32.add (local.get $gN) (local.get $o)) (local.get $w8))) (f64.load (i32.sub (i32.add (local.get $x) (local.get $o)) (local.get $w8)))))
                (f64.mul (f64.load (i32.add (local.get $gN) (local.get $o))) (f64.load (i32.add (i32.add (local.get $x) (local.get $o)) (local.get $w8))))))
            (f64.store (i32.add (local.get $y) (local.get $o)) (local.get $v))
            (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $v) (f64.load (i32.add (local.get $x) (local.get $o))))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows)))
    (local.get $sum))

  ;; flow.ts CG step over all `size` padded cells: phi += alpha·s; r −= alpha·t; returns max |r|.
  (func (export "cgStep") (param $size i32) (param $phi i32) (param $s i32) (param $r i32) (param $t i32) (param $alpha f64) (result f64)
    (local $o i32) (local $end i32) (local $v f64) (local $residual f64)
    (local.set $end (i32.shl (local.get $size) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $o) (local.get $end)))
        (f64.store (i32.add (local.get $phi) (local.get $o))
          (f64.add (f64.load (i32.add (local.get $phi) (local.get $o))) (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $s) (local.get $o))))))
        (local.set $v (f64.sub (f64.load (i32.add (local.get $r) (local.get $o))) (f64.mul (local.get $alpha) (f64.load (i32.add (local.get $t) (local.get $o))))))
        (f64.store (i32.add (local.get $r) (local.get $o)) (local.get $v))
        ;; if (v > residual) residual = v; else if (−v > residual) residual = −v
        (if (f64.gt (local.get $v) (local.get $residual))
          (then (local.set $residual (local.get $v)))
          (else (if (f64.gt (f64.neg (local.get $v)) (local.get $residual)) (then (local.set $residual (f64.neg (local.get $v)))))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $cells)))
    (local.get $residual))

  ;; flow.ts new search direction over all `size` padded cells: s = z + beta·s.
  (func (export "direction") (param $size i32) (param $s i32) (param $z i32) (param $beta f64)
    (local $o i32) (local $end i32)
    (local.set $end (i32.shl (local.get $size) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $o) (local.get $end)))
        (f64.store (i32.add (local.get $s) (local.get $o))
          (f64.add (f64.load (i32.add (local.get $z) (local.get $o))) (f64.mul (local.get $beta) (f64.load (i32.add (local.get $s) (local.get $o))))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $cells))))

  ;; temperature.ts refreshRack: rack u's outlet from its current inlet, into what it blows into `back`.
  (func $refresh (param $u i32) (param $t i32) (param $back i32) (param $frontAt i32) (param $front i32) (param $backAt i32) (param $backCells i32)
                 (param $flow i32) (param $rise i32) (param $share i32) (param $maxC f64)
    (local $i i32) (local $f0 i32) (local $f1 i32) (local $b0 i32) (local $b1 i32) (local $q i32)
    (local $tin f64) (local $tout f64) (local $s f64) (local $d f64)
    (local.set $f0 (i32.load (i32.add (local.get $frontAt) (i32.shl (local.get $u) (i32.const 2)))))
    (local.set $f1 (i32.load (i32.add (local.get $frontAt) (i32.shl (i32.add (local.get $u) (i32.const 1)) (i32.const 2)))))
    (local.set $i (local.get $f0))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $i) (local.get $f1)))
        (local.set $tin (f64.add (local.get $tin)
          (f64.load (i32.add (local.get $t) (i32.shl (i32.load (i32.add (local.get $front) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $cells)))
    (local.set $tin (f64.div (local.get $tin) (f64.convert_i32_s (i32.sub (local.get $f1) (local.get $f0)))))
    (local.set $tout (f64.add (local.get $tin) (f64.load (i32.add (local.get $rise) (i32.shl (local.get $u) (i32.const 3))))))
    (if (f64.gt (local.get $tout) (local.get $maxC))
      (then
        (local.set $tout (local.get $maxC))
        (global.set $clamped (i32.const 1))))
    (local.set $b0 (i32.load (i32.add (local.get $backAt) (i32.shl (local.get $u) (i32.const 2)))))
    (local.set $b1 (i32.load (i32.add (local.get $backAt) (i32.shl (i32.add (local.get $u) (i32.const 1)) (i32.const 2)))))
    (local.set $s (f64.div
      (f64.mul (f64.load (i32.add (local.get $flow) (i32.shl (local.get $u) (i32.const 3)))) (local.get $tout))
      (f64.convert_i32_s (i32.sub (local.get $b1) (local.get $b0)))))
    (local.set $d (f64.sub (local.get $s) (f64.load (i32.add (local.get $share) (i32.shl (local.get $u) (i32.const 3))))))
    (f64.store (i32.add (local.get $share) (i32.shl (local.get $u) (i32.const 3))) (local.get $s))
    (local.set $i (local.get $b0))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $i) (local.get $b1)))
        (local.set $q (i32.add (local.get $back)
          (i32.shl (i32.load (i32.add (local.get $backCells) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3))))
        (f64.store (local.get $q) (f64.add (f64.load (local.get $q)) (local.get $d)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $cells))))

  ;; temperature.ts sweep: one Gauss–Seidel sweep in downstream order (packed coefficients, STRIDE 6:
  ;; 1/a, b, cW, cE, cS, cN), refreshing each rack at its position; returns the largest change, K.
  (func (export "sweep") (param $cells i32) (param $cell i32) (param $c i32) (param $t i32) (param $back i32) (param $w i32) (param $lowC f64) (param $maxC f64)
                         (param $racks i32) (param $position i32) (param $frontAt i32) (param $front i32) (param $backAt i32) (param $backCells i32)
                         (param $flow i32) (param $rise i32) (param $share i32) (result f64)
    (local $pos i32) (local $next i32) (local $o i32) (local $tq i32) (local $w8 i32) (local $v f64) (local $old f64) (local $d f64) (local $change f64)
    (local.set $w8 (i32.shl (local.get $w) (i32.const 3)))
    (global.set $clamped (i32.const 0))
    (global.set $capped (i32.const 0))
    (block $done
      (loop $cellsLoop
        (br_if $done (i32.ge_s (local.get $pos) (local.get $cells)))
        ;; while (next < racks && position[next] === pos) refresh(next++)
        (block $refreshed
          (loop $racksLoop
            (br_if $refreshed (i32.ge_s (local.get $next) (local.get $racks)))
            (br_if $refreshed (i32.ne (i32.load (i32.add (local.get $position) (i32.shl (local.get $next) (i32.const 2)))) (local.get $pos)))
            (call $refresh (local.get $next) (local.get $t) (local.get $back) (local.get $frontAt) (local.get $front) (local.get $backAt) (local.get $backCells)
                           (local.get $flow) (local.get $rise) (local.get $share) (local.get $maxC))
            (local.set $next (i32.add (local.get $next) (i32.const 1)))
            (br $racksLoop)))
        (local.set $o (i32.add (local.get $c) (i32.mul (local.get $pos) (i32.const 48))))
        (local.set $tq (i32.add (local.get $t) (i32.shl (i32.load (i32.add (local.get $cell) (i32.shl (local.get $pos) (i32.const 2)))) (i32.const 3))))
        ;; v = (c1 + back[q] + c2·t[q-1] + c3·t[q+1] + c4·t[q-w] + c5·t[q+w]) · c0
        (local.set $v
          (f64.mul
            (f64.add
              (f64.add
                (f64.add
                  (f64.add
                    (f64.add
                      (f64.load offset=8 (local.get $o))
                      (f64.load (i32.add (local.get $back) (i32.sub (local.get $tq) (local.get $t)))))
                    (f64.mul (f64.load offset=16 (local.get $o)) (f64.load (i32.sub (local.get $tq) (i32.const 8)))))
                  (f64.mul (f64.load offset=24 (local.get $o)) (f64.load offset=8 (local.get $tq))))
                (f64.mul (f64.load offset=32 (local.get $o)) (f64.load (i32.sub (local.get $tq) (local.get $w8)))))
              (f64.mul (f64.load offset=40 (local.get $o)) (f64.load (i32.add (local.get $tq) (local.get $w8)))))
            (f64.load (local.get $o))))
        ;; if (v > MAX) { v = MAX; capped = 1 } else if (!(v >= lowC)) v = lowC (also catches NaN)
        (if (f64.gt (local.get $v) (local.get $maxC))
          (then
            (local.set $v (local.get $maxC))
            (global.set $capped (i32.const 1)))
          (else (if (i32.eqz (f64.ge (local.get $v) (local.get $lowC))) (then (local.set $v (local.get $lowC))))))
        (local.set $old (f64.load (local.get $tq)))
        (local.set $d (if (result f64) (f64.gt (local.get $v) (local.get $old))
          (then (f64.sub (local.get $v) (local.get $old)))
          (else (f64.sub (local.get $old) (local.get $v)))))
        (if (f64.gt (local.get $d) (local.get $change)) (then (local.set $change (local.get $d))))
        (f64.store (local.get $tq) (local.get $v))
        (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
        (br $cellsLoop)))
    (local.get $change))

  ;; anderson.ts record, over all `size` padded cells: f = g − x; unless `first`, the newest
  ;; differences df = f − fPrev and dg = g − gPrev into columns `slot` of dF and dG (column s at
  ;; s·size·8), with out[0] = Σ df·f, out[1] = Σ df·df and out[2 + c] = Σ df·dF[others[c]] for
  ;; c < count ≤ 3 (the other kept columns); then fPrev = f, gPrev = g. Returns Σ f².
  (func (export "andersonRecord") (param $size i32) (param $x i32) (param $g i32) (param $fPrev i32) (param $gPrev i32) (param $dF i32) (param $dG i32)
                                  (param $slot i32) (param $first i32) (param $others i32) (param $count i32) (param $out i32) (result f64)
    (local $o i32) (local $end i32) (local $df i32) (local $dg i32) (local $f f64) (local $gv f64) (local $d f64) (local $sum f64)
    (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64) (local $s4 f64)
    (local.set $end (i32.shl (local.get $size) (i32.const 3)))
    (local.set $df (i32.add (local.get $dF) (i32.mul (local.get $slot) (local.get $end))))
    (local.set $dg (i32.add (local.get $dG) (i32.mul (local.get $slot) (local.get $end))))
    ;; the other columns (past `count`: fPrev, finite, its sums unused)
    (local.set $c0 (local.get $fPrev))
    (local.set $c1 (local.get $fPrev))
    (local.set $c2 (local.get $fPrev))
    (if (i32.gt_s (local.get $count) (i32.const 0)) (then (local.set $c0 (i32.add (local.get $dF) (i32.mul (i32.load (local.get $others)) (local.get $end))))))
    (if (i32.gt_s (local.get $count) (i32.const 1)) (then (local.set $c1 (i32.add (local.get $dF) (i32.mul (i32.load offset=4 (local.get $others)) (local.get $end))))))
    (if (i32.gt_s (local.get $count) (i32.const 2)) (then (local.set $c2 (i32.add (local.get $dF) (i32.mul (i32.load offset=8 (local.get $others)) (local.get $end))))))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $o) (local.get $end)))
        (local.set $gv (f64.load (i32.add (local.get $g) (local.get $o))))
        (local.set $f (f64.sub (local.get $gv) (f64.load (i32.add (local.get $x) (local.get $o)))))
        (if (i32.eqz (local.get $first))
          (then
            (local.set $d (f64.sub (local.get $f) (f64.load (i32.add (local.get $fPrev) (local.get $o)))))
            (f64.store (i32.add (local.get $df) (local.get $o)) (local.get $d))
            (f64.store (i32.add (local.get $dg) (local.get $o)) (f64.sub (local.get $gv) (f64.load (i32.add (local.get $gPrev) (local.get $o)))))
            (local.set $s0 (f64.add (local.get $s0) (f64.mul (local.get $d) (local.get $f))))
            (local.set $s1 (f64.add (local.get $s1) (f64.mul (local.get $d) (local.get $d))))
            (local.set $s2 (f64.add (local.get $s2) (f64.mul (local.get $d) (f64.load (i32.add (local.get $c0) (local.get $o))))))
            (local.set $s3 (f64.add (local.get $s3) (f64.mul (local.get $d) (f64.load (i32.add (local.get $c1) (local.get $o))))))
            (local.set $s4 (f64.add (local.get $s4) (f64.mul (local.get $d) (f64.load (i32.add (local.get $c2) (local.get $o))))))))
        (f64.store (i32.add (local.get $fPrev) (local.get $o)) (local.get $f))
        (f64.store (i32.add (local.get $gPrev) (local.get $o)) (local.get $gv))
        (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $f) (local.get $f))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $cells)))
    (f64.store (local.get $out) (local.get $s0))
    (f64.store offset=8 (local.get $out) (local.get $s1))
    (f64.store offset=16 (local.get $out) (local.get $s2))
    (f64.store offset=24 (local.get $out) (local.get $s3))
    (f64.store offset=32 (local.get $out) (local.get $s4))
    (local.get $sum))

  ;; anderson.ts mix, over all `size` padded cells: t = gPrev − Σ_c gamma[c]·dG[slot[c]] (column
  ;; slot[c] of dG at dG + slot[c]·size·8) over c < count ≤ 4, clamped to [lowC, maxC] (NaN → lowC),
  ;; into t and x. One pass: the terms past `count` are 0·gPrev (finite: adds nothing).
  (func (export "andersonMix") (param $size i32) (param $t i32) (param $x i32) (param $gPrev i32) (param $dG i32) (param $slots i32) (param $gamma i32) (param $count i32) (param $lowC f64) (param $maxC f64)
    (local $o i32) (local $end i32) (local $v f64)
    (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32) (local $g0 f64) (local $g1 f64) (local $g2 f64) (local $g3 f64)
    (local.set $end (i32.shl (local.get $size) (i32.const 3)))
    (local.set $c0 (local.get $gPrev))
    (local.set $c1 (local.get $gPrev))
    (local.set $c2 (local.get $gPrev))
    (local.set $c3 (local.get $gPrev))
    (if (i32.gt_s (local.get $count) (i32.const 0)) (then
      (local.set $g0 (f64.load (local.get $gamma)))
      (local.set $c0 (i32.add (local.get $dG) (i32.mul (i32.load (local.get $slots)) (local.get $end))))))
    (if (i32.gt_s (local.get $count) (i32.const 1)) (then
      (local.set $g1 (f64.load offset=8 (local.get $gamma)))
      (local.set $c1 (i32.add (local.get $dG) (i32.mul (i32.load offset=4 (local.get $slots)) (local.get $end))))))
    (if (i32.gt_s (local.get $count) (i32.const 2)) (then
      (local.set $g2 (f64.load offset=16 (local.get $gamma)))
      (local.set $c2 (i32.add (local.get $dG) (i32.mul (i32.load offset=8 (local.get $slots)) (local.get $end))))))
    (if (i32.gt_s (local.get $count) (i32.const 3)) (then
      (local.set $g3 (f64.load offset=24 (local.get $gamma)))
      (local.set $c3 (i32.add (local.get $dG) (i32.mul (i32.load offset=12 (local.get $slots)) (local.get $end))))))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $o) (local.get $end)))
        ;; v = gPrev − g0·col0 − g1·col1 − g2·col2 − g3·col3, in that order
        (local.set $v
          (f64.sub
            (f64.sub
              (f64.sub
                (f64.sub (f64.load (i32.add (local.get $gPrev) (local.get $o))) (f64.mul (local.get $g0) (f64.load (i32.add (local.get $c0) (local.get $o)))))
                (f64.mul (local.get $g1) (f64.load (i32.add (local.get $c1) (local.get $o)))))
              (f64.mul (local.get $g2) (f64.load (i32.add (local.get $c2) (local.get $o)))))
            (f64.mul (local.get $g3) (f64.load (i32.add (local.get $c3) (local.get $o))))))
        (if (f64.gt (local.get $v) (local.get $maxC))
          (then (local.set $v (local.get $maxC)))
          (else (if (i32.eqz (f64.ge (local.get $v) (local.get $lowC))) (then (local.set $v (local.get $lowC))))))
        (f64.store (i32.add (local.get $t) (local.get $o)) (local.get $v))
        (f64.store (i32.add (local.get $x) (local.get $o)) (local.get $v))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $cells))))

  ;; temperature.ts packedCoefficients: the upwind + diffusion coefficients of every cell in sweep
  ;; order (`order`: hall cell k at each position; east/north: hall-indexed face flows; a, b: padded
  ;; sink and source), packed STRIDE 6 into c (1/a, b, cW, cE, cS, cN) and the padded index into cell.
  ;; Math.max(x, 0) is f64.max (both NaN for NaN, +0 for −0).
  (func (export "pack") (param $n i32) (param $order i32) (param $nx i32) (param $ny i32) (param $w i32) (param $a i32) (param $b i32)
                        (param $east i32) (param $north i32) (param $dx f64) (param $dy f64) (param $cell i32) (param $c i32)
    (local $pos i32) (local $k i32) (local $i i32) (local $j i32) (local $q i32) (local $o i32)
    (local $sum f64) (local $F f64) (local $cW f64) (local $cE f64) (local $cS f64) (local $cN f64)
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $pos) (local.get $n)))
        (local.set $k (i32.load (i32.add (local.get $order) (i32.shl (local.get $pos) (i32.const 2)))))
        (local.set $i (i32.rem_s (local.get $k) (local.get $nx)))
        (local.set $j (i32.div_s (i32.sub (local.get $k) (local.get $i)) (local.get $nx)))
        (local.set $q (i32.add (i32.add (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $w)) (local.get $i)) (i32.const 1)))
        (local.set $sum (f64.load (i32.add (local.get $a) (i32.shl (local.get $q) (i32.const 3)))))
        (local.set $cW (f64.const 0))
        (local.set $cE (f64.const 0))
        (local.set $cS (f64.const 0))
        (local.set $cN (f64.const 0))
        ;; west face: F = east[k − 1]; cW = max(F, 0) + dx; sum += max(−F, 0) + dx
        (if (i32.gt_s (local.get $i) (i32.const 0))
          (then
            (local.set $F (f64.load (i32.add (local.get $east) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 3)))))
            (local.set $cW (f64.add (f64.max (local.get $F) (f64.const 0)) (local.get $dx)))
            (local.set $sum (f64.add (local.get $sum) (f64.add (f64.max (f64.neg (local.get $F)) (f64.const 0)) (local.get $dx))))))
        ;; east face: F = east[k]; cE = max(−F, 0) + dx; sum += max(F, 0) + dx
        (if (i32.lt_s (local.get $i) (i32.sub (local.get $nx) (i32.const 1)))
          (then
            (local.set $F (f64.load (i32.add (local.get $east) (i32.shl (local.get $k) (i32.const 3)))))
            (local.set $cE (f64.add (f64.max (f64.neg (local.get $F)) (f64.const 0)) (local.get $dx)))
            (local.set $sum (f64.add (local.get $sum) (f64.add (f64.max (local.get $F) (f64.const 0)) (local.get $dx))))))
        ;; south face: F = north[k − nx]; cS = max(F, 0) + dy; sum += max(−F, 0) + dy
        (if (i32.gt_s (local.get $j) (i32.const 0))
          (then
            (local.set $F (f64.load (i32.add (local.get $north) (i32.shl (i32.sub (local.get $k) (local.get $nx)) (i32.const 3)))))
            (local.set $cS (f64.add (f64.max (local.get $F) (f64.const 0)) (local.get $dy)))
            (local.set $sum (f64.add (local.get $sum) (f64.add (f64.max (f64.neg (local.get $F)) (f64.const 0)) (local.get $dy))))))
        ;; north face: F = north[k]; cN = max(−F, 0) + dy; sum += max(F, 0) + dy
        (if (i32.lt_s (local.get $j) (i32.sub (local.get $ny) (i32.const 1)))
          (then
            (local.set $F (f64.load (i32.add (local.get $north) (i32.shl (local.get $k) (i32.const 3)))))
            (local.set $cN (f64.add (f64.max (f64.neg (local.get $F)) (f64.const 0)) (local.get $dy)))
            (local.set $sum (f64.add (local.get $sum) (f64.add (f64.max (local.get $F) (f64.const 0)) (local.get $dy))))))
        (i32.store (i32.add (local.get $cell) (i32.shl (local.get $pos) (i32.const 2))) (local.get $q))
        (local.set $o (i32.add (local.get $c) (i32.mul (local.get $pos) (i32.const 48))))
        (f64.store (local.get $o) (if (result f64) (f64.gt (local.get $sum) (f64.const 0))
          (then (f64.div (f64.const 1) (local.get $sum)))
          (else (f64.const 0))))
        (f64.store offset=8 (local.get $o) (f64.load (i32.add (local.get $b) (i32.shl (local.get $q) (i32.const 3)))))
        (f64.store offset=16 (local.get $o) (local.get $cW))
        (f64.store offset=24 (local.get $o) (local.get $cE))
        (f64.store offset=32 (local.get $o) (local.get $cS))
        (f64.store offset=40 (local.get $o) (local.get $cN))
        (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
        (br $cells))))

  ;; flow.ts faceFlows: for every padded p < size − w, east[p] = gE[p]·(phi[p] − phi[p+1]) and
  ;; north[p] = gN[p]·(phi[p] − phi[p+w]).
  (func (export "faceFlows") (param $size i32) (param $w i32) (param $gE i32) (param $gN i32) (param $phi i32) (param $east i32) (param $north i32)
    (local $o i32) (local $end i32) (local $w8 i32) (local $v f64)
    (local.set $w8 (i32.shl (local.get $w) (i32.const 3)))
    (local.set $end (i32.shl (i32.sub (local.get $size) (local.get $w)) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $o) (local.get $end)))
        (local.set $v (f64.load (i32.add (local.get $phi) (local.get $o))))
        (f64.store (i32.add (local.get $east) (local.get $o))
          (f64.mul (f64.load (i32.add (local.get $gE) (local.get $o))) (f64.sub (local.get $v) (f64.load offset=8 (i32.add (local.get $phi) (local.get $o))))))
        (f64.store (i32.add (local.get $north) (local.get $o))
          (f64.mul (f64.load (i32.add (local.get $gN) (local.get $o))) (f64.sub (local.get $v) (f64.load (i32.add (i32.add (local.get $phi) (local.get $o)) (local.get $w8))))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $cells))))

  ;; order.ts downstreamOrder: hall cells (k = j·nx + i) in an order that puts every cell after all
  ;; the cells that blow air into it (Kahn's algorithm); east/north: hall-indexed face flows;
  ;; inflows: n i32 of scratch; writes n cell indices to order.
  (func (export "downstream") (param $n i32) (param $nx i32) (param $east i32) (param $north i32) (param $inflows i32) (param $order i32)
    (local $k i32) (local $i i32) (local $j i32) (local $c i32) (local $head i32) (local $tail i32) (local $ny i32) (local $m i32)
    (local.set $ny (i32.div_s (local.get $n) (local.get $nx)))
    ;; inflows[k]: how many of its faces blow into cell k
    (local.set $k (i32.const 0))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $k) (local.get $n)))
        (local.set $i (i32.rem_s (local.get $k) (local.get $nx)))
        (local.set $j (i32.div_s (local.get $k) (local.get $nx)))
        (local.set $c (i32.const 0))
        (if (i32.gt_s (local.get $i) (i32.const 0))
          (then (if (f64.gt (f64.load (i32.add (local.get $east) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 3)))) (f64.const 0))
            (then (local.set $c (i32.add (local.get $c) (i32.const 1)))))))
        (if (i32.lt_s (local.get $i) (i32.sub (local.get $nx) (i32.const 1)))
          (then (if (f64.lt (f64.load (i32.add (local.get $east) (i32.shl (local.get $k) (i32.const 3)))) (f64.const 0))
            (then (local.set $c (i32.add (local.get $c) (i32.const 1)))))))
        (if (i32.gt_s (local.get $j) (i32.const 0))
          (then (if (f64.gt (f64.load (i32.add (local.get $north) (i32.shl (i32.sub (local.get $k) (local.get $nx)) (i32.const 3)))) (f64.const 0))
            (then (local.set $c (i32.add (local.get $c) (i32.const 1)))))))
        (if (i32.lt_s (local.get $j) (i32.sub (local.get $ny) (i32.const 1)))
          (then (if (f64.lt (f64.load (i32.add (local.get $north) (i32.shl (local.get $k) (i32.const 3)))) (f64.const 0))
            (then (local.set $c (i32.add (local.get $c) (i32.const 1)))))))
        (i32.store (i32.add (local.get $inflows) (i32.shl (local.get $k) (i32.const 2))) (local.get $c))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $cells)))
    ;; the cells nothing blows into, in index order
    (local.set $k (i32.const 0))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $k) (local.get $n)))
        (if (i32.eqz (i32.load (i32.add (local.get $inflows) (i32.shl (local.get $k) (i32.const 2)))))
          (then
            (i32.store (i32.add (local.get $order) (i32.shl (local.get $tail) (i32.const 2))) (local.get $k))
            (local.set $tail (i32.add (local.get $tail) (i32.const 1)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $cells)))
    ;; each cell in turn releases the cells it blows into: east, west, north, south
    (block $done
      (loop $queue
        (br_if $done (i32.ge_s (local.get $head) (local.get $tail)))
        (local.set $k (i32.load (i32.add (local.get $order) (i32.shl (local.get $head) (i32.const 2)))))
        (local.set $head (i32.add (local.get $head) (i32.const 1)))
        (local.set $i (i32.rem_s (local.get $k) (local.get $nx)))
        (if (i32.lt_s (local.get $i) (i32.sub (local.get $nx) (i32.const 1)))
          (then (if (f64.gt (f64.load (i32.add (local.get $east) (i32.shl (local.get $k) (i32.const 3)))) (f64.const 0))
            (then (local.set $m (i32.add (local.get $k) (i32.const 1))) (call $release (local.get $m) (local.get $inflows) (local.get $order) (local.get $tail)) (local.set $tail)))))
        (if (i32.gt_s (local.get $i) (i32.const 0))
          (then (if (f64.lt (f64.load (i32.add (local.get $east) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 3)))) (f64.const 0))
            (then (local.set $m (i32.sub (local.get $k) (i32.const 1))) (call $release (local.get $m) (local.get $inflows) (local.get $order) (local.get $tail)) (local.set $tail)))))
        (if (i32.lt_s (i32.add (local.get $k) (local.get $nx)) (local.get $n))
          (then (if (f64.gt (f64.load (i32.add (local.get $north) (i32.shl (local.get $k) (i32.const 3)))) (f64.const 0))
            (then (local.set $m (i32.add (local.get $k) (local.get $nx))) (call $release (local.get $m) (local.get $inflows) (local.get $order) (local.get $tail)) (local.set $tail)))))
        (if (i32.ge_s (local.get $k) (local.get $nx))
          (then (if (f64.lt (f64.load (i32.add (local.get $north) (i32.shl (i32.sub (local.get $k) (local.get $nx)) (i32.const 3)))) (f64.const 0))
            (then (local.set $m (i32.sub (local.get $k) (local.get $nx))) (call $release (local.get $m) (local.get $inflows) (local.get $order) (local.get $tail)) (local.set $tail)))))
        (br $queue)))
    ;; only a cycle could leave cells out (a potential flow has none): keep every cell regardless
    (if (i32.lt_s (local.get $tail) (local.get $n))
      (then
        (local.set $k (i32.const 0))
        (block $done
          (loop $cells
            (br_if $done (i32.ge_s (local.get $k) (local.get $n)))
            (if (i32.gt_s (i32.load (i32.add (local.get $inflows) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 0))
              (then
                (i32.store (i32.add (local.get $order) (i32.shl (local.get $tail) (i32.const 2))) (local.get $k))
                (local.set $tail (i32.add (local.get $tail) (i32.const 1)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $cells))))))

  ;; --inflows[m]; when it reaches 0, order[tail++] = m. Returns the new tail.
  (func $release (param $m i32) (param $inflows i32) (param $order i32) (param $tail i32) (result i32)
    (local $at i32) (local $left i32)
    (local.set $at (i32.add (local.get $inflows) (i32.shl (local.get $m) (i32.const 2))))
    (local.set $left (i32.sub (i32.load (local.get $at)) (i32.const 1)))
    (i32.store (local.get $at) (local.get $left))
    (if (result i32) (i32.eqz (local.get $left))
      (then
        (i32.store (i32.add (local.get $order) (i32.shl (local.get $tail) (i32.const 2))) (local.get $m))
        (i32.add (local.get $tail) (i32.const 1)))
      (else (local.get $tail))))

  ;; flow.ts operator: each padded cell's east and north face conductance from the hall-indexed cell
  ;; conductances g, gE[p] = ax·h(g_k, g_k+1), gN[p] = ay·h(g_k, g_k+nx), h(a, b) = 2·a·b/(a + b)
  ;; (0 unless a + b > 0); no face beyond the last column or row.
  (func (export "faces") (param $nx i32) (param $ny i32) (param $w i32) (param $g i32) (param $gE i32) (param $gN i32) (param $ax f64) (param $ay f64)
    (local $i i32) (local $j i32) (local $k i32) (local $p i32) (local $c f64)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $j) (local.get $ny)))
        (local.set $i (i32.const 0))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $i) (local.get $nx)))
            (local.set $k (i32.add (i32.mul (local.get $j) (local.get $nx)) (local.get $i)))
            (local.set $p (i32.add (i32.add (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $w)) (local.get $i)) (i32.const 1)))
            (local.set $c (f64.load (i32.add (local.get $g) (i32.shl (local.get $k) (i32.const 3)))))
            (if (i32.lt_s (local.get $i) (i32.sub (local.get $nx) (i32.const 1)))
              (then (f64.store (i32.add (local.get $gE) (i32.shl (local.get $p) (i32.const 3)))
                (f64.mul (local.get $ax) (call $harmonic (local.get $c) (f64.load (i32.add (local.get $g) (i32.shl (i32.add (local.get $k) (i32.const 1)) (i32.const 3)))))))))
            (if (i32.lt_s (local.get $j) (i32.sub (local.get $ny) (i32.const 1)))
              (then (f64.store (i32.add (local.get $gN) (i32.shl (local.get $p) (i32.const 3)))
                (f64.mul (local.get $ay) (call $harmonic (local.get $c) (f64.load (i32.add (local.get $g) (i32.shl (i32.add (local.get $k) (local.get $nx)) (i32.const 3)))))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))

  (func $harmonic (param $a f64) (param $b f64) (result f64)
    (if (result f64) (f64.gt (f64.add (local.get $a) (local.get $b)) (f64.const 0))
      (then (f64.div (f64.mul (f64.mul (f64.const 2) (local.get $a)) (local.get $b)) (f64.add (local.get $a) (local.get $b))))
      (else (f64.const 0))))

  ;; flow.ts operator and multigrid.ts coarsen: d[p] = d[p] + gE[p] + gE[p-1] + gN[p] + gN[p-w] over the hall's cells.
  (func (export "addDiagonal") (param $nx i32) (param $ny i32) (param $w i32) (param $gE i32) (param $gN i32) (param $d i32)
    (local $j i32) (local $o i32) (local $end i32) (local $w8 i32)
    (local.set $w8 (i32.shl (local.get $w) (i32.const 3)))
    (local.set $j (i32.const 1))
    (block $done
      (loop $rows
        (br_if $done (i32.gt_s (local.get $j) (local.get $ny)))
        (local.set $o (i32.shl (i32.add (i32.mul (local.get $j) (local.get $w)) (i32.const 1)) (i32.const 3)))
        (local.set $end (i32.add (local.get $o) (i32.shl (local.get $nx) (i32.const 3))))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $o) (local.get $end)))
            (f64.store (i32.add (local.get $d) (local.get $o))
              (f64.add
                (f64.add
                  (f64.add
                    (f64.add (f64.load (i32.add (local.get $d) (local.get $o))) (f64.load (i32.add (local.get $gE) (local.get $o))))
                    (f64.load (i32.sub (i32.add (local.get $gE) (local.get $o)) (i32.const 8))))
                  (f64.load (i32.add (local.get $gN) (local.get $o))))
                (f64.load (i32.sub (i32.add (local.get $gN) (local.get $o)) (local.get $w8)))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))

  ;; multigrid.ts coarsen: each coarse cell (I, J) of fx × fy fine cells: its east and north face the
  ;; fine faces on its east column and north row summed, its Dirichlet share the fine cells' shares
  ;; (diagonal less four faces) summed, each halved. Fine level (fnx, fny, fw, fx, fy, fgE, fgN, fd);
  ;; coarse level (nx, ny, w, gE, gN, d).
  (func (export "coarsenFaces") (param $fnx i32) (param $fny i32) (param $fw i32) (param $fx i32) (param $fy i32) (param $fgE i32) (param $fgN i32) (param $fd i32)
                                (param $nx i32) (param $ny i32) (param $w i32) (param $gE i32) (param $gN i32) (param $d i32)
    (local $I i32) (local $J i32) (local $di i32) (local $dj i32) (local $i i32) (local $j i32) (local $q i32) (local $p i32) (local $fw8 i32)
    (local $east f64) (local $north f64) (local $dirichlet f64)
    (local.set $fw8 (i32.shl (local.get $fw) (i32.const 3)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $J) (local.get $ny)))
        (local.set $I (i32.const 0))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $I) (local.get $nx)))
            (local.set $east (f64.const 0))
            (local.set $north (f64.const 0))
            (local.set $dirichlet (f64.const 0))
            (local.set $dj (i32.const 0))
            (block $djDone
              (loop $djLoop
                (br_if $djDone (i32.ge_s (local.get $dj) (local.get $fy)))
                (local.set $j (i32.add (i32.mul (local.get $fy) (local.get $J)) (local.get $dj)))
                (if (i32.lt_s (local.get $j) (local.get $fny))
                  (then
                    (local.set $di (i32.const 0))
                    (block $diDone
                      (loop $diLoop
                        (br_if $diDone (i32.ge_s (local.get $di) (local.get $fx)))
                        (local.set $i (i32.add (i32.mul (local.get $fx) (local.get $I)) (local.get $di)))
                        (if (i32.lt_s (local.get $i) (local.get $fnx))
                          (then
                            (local.set $q (i32.shl (i32.add (i32.add (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $fw)) (local.get $i)) (i32.const 1)) (i32.const 3)))
                            ;; dirichlet += d[q] − gE[q] − gE[q−1] − gN[q] − gN[q−w]
                            (local.set $dirichlet (f64.add (local.get $dirichlet)
                              (f64.sub
                                (f64.sub
                                  (f64.sub
                                    (f64.sub (f64.load (i32.add (local.get $fd) (local.get $q))) (f64.load (i32.add (local.get $fgE) (local.get $q))))
                                    (f64.load (i32.sub (i32.add (local.get $fgE) (local.get $q)) (i32.const 8))))
                                  (f64.load (i32.add (local.get $fgN) (local.get $q))))
                                (f64.load (i32.sub (i32.add (local.get $fgN) (local.get $q)) (local.get $fw8))))))
                            (if (i32.and (i32.eq (local.get $di) (i32.sub (local.get $fx) (i32.const 1))) (i32.lt_s (local.get $I) (i32.sub (local.get $nx) (i32.const 1))))
                              (then (local.set $east (f64.add (local.get $east) (f64.load (i32.add (local.get $fgE) (local.get $q)))))))
                            (if (i32.and (i32.eq (local.get $dj) (i32.sub (local.get $fy) (i32.const 1))) (i32.lt_s (local.get $J) (i32.sub (local.get $ny) (i32.const 1))))
                              (then (local.set $north (f64.add (local.get $north) (f64.load (i32.add (local.get $fgN) (local.get $q)))))))))
                        (local.set $di (i32.add (local.get $di) (i32.const 1)))
                        (br $diLoop)))))
                (local.set $dj (i32.add (local.get $dj) (i32.const 1)))
                (br $djLoop)))
            (local.set $p (i32.shl (i32.add (i32.add (i32.mul (i32.add (local.get $J) (i32.const 1)) (local.get $w)) (local.get $I)) (i32.const 1)) (i32.const 3)))
            (f64.store (i32.add (local.get $gE) (local.get $p)) (f64.mul (f64.const 0.5) (local.get $east)))
            (f64.store (i32.add (local.get $gN) (local.get $p)) (f64.mul (f64.const 0.5) (local.get $north)))
            (f64.store (i32.add (local.get $d) (local.get $p)) (f64.mul (f64.const 0.5) (local.get $dirichlet)))
            (local.set $I (i32.add (local.get $I) (i32.const 1)))
            (br $cells)))
        (local.set $J (i32.add (local.get $J) (i32.const 1)))
        (br $rows))))

  ;; --- Copies and reductions the solves once ran as TypeScript loops over every cell. ---

  ;; padded.ts toPadded: a hall-indexed array into the interior of a padded one,
  ;; dst[(j+1)·w + i + 1] = src[j·nx + i] (the ghosts left as they are).
  (func (export "pad") (param $nx i32) (param $ny i32) (param $w i32) (param $src i32) (param $dst i32)
    (local $j i32) (local $s i32) (local $d i32) (local $end i32)
    (local.set $s (local.get $src))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $j) (local.get $ny)))
        (local.set $d (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $w)) (i32.const 1)) (i32.const 3))))
        (local.set $end (i32.add (local.get $s) (i32.shl (local.get $nx) (i32.const 3))))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_u (local.get $s) (local.get $end)))
            (i64.store (local.get $d) (i64.load (local.get $s)))
            (local.set $s (i32.add (local.get $s) (i32.const 8)))
            (local.set $d (i32.add (local.get $d) (i32.const 8)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))

  ;; padded.ts fromPadded: the interior of a padded array back to hall indexing,
  ;; dst[j·nx + i] = src[(j+1)·w + i + 1].
  (func (export "unpad") (param $nx i32) (param $ny i32) (param $w i32) (param $src i32) (param $dst i32)
    (local $j i32) (local $s i32) (local $d i32) (local $end i32)
    (local.set $d (local.get $dst))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $j) (local.get $ny)))
        (local.set $s (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $w)) (i32.const 1)) (i32.const 3))))
        (local.set $end (i32.add (local.get $d) (i32.shl (local.get $nx) (i32.const 3))))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_u (local.get $d) (local.get $end)))
            (i64.store (local.get $d) (i64.load (local.get $s)))
            (local.set $s (i32.add (local.get $s) (i32.const 8)))
            (local.set $d (i32.add (local.get $d) (i32.const 8)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))

  ;; padded.ts padIndex of `count` hall cells: dst[i] = (floor(k/nx) + 1)·w + (k mod nx) + 1, k = src[i] >= 0.
  (func (export "padCells") (param $count i32) (param $nx i32) (param $w i32) (param $src i32) (param $dst i32)
    (local $o i32) (local $end i32) (local $k i32)
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $o) (local.get $end)))
        (local.set $k (i32.load (i32.add (local.get $src) (local.get $o))))
        (i32.store (i32.add (local.get $dst) (local.get $o))
          (i32.add
            (i32.add (i32.mul (i32.add (i32.div_s (local.get $k) (local.get $nx)) (i32.const 1)) (local.get $w)) (i32.rem_s (local.get $k) (local.get $nx)))
            (i32.const 1)))
        (local.set $o (i32.add (local.get $o) (i32.const 4)))
        (br $cells))))

  ;; flow.ts maxAbs: the largest |a[p]| over `size` values (v > m: NaN never taken), from 0.
  (func (export "maxAbs") (param $size i32) (param $a i32) (result f64)
    (local $o i32) (local $end i32) (local $v f64) (local $m f64)
    (local.set $end (i32.shl (local.get $size) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $o) (local.get $end)))
        (local.set $v (f64.abs (f64.load (i32.add (local.get $a) (local.get $o)))))
        (if (f64.gt (local.get $v) (local.get $m)) (then (local.set $m (local.get $v))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $cells)))
    (local.get $m))

  ;; flow.ts intake: out[k] = −dirichlet[k]·phi[(j+1)·w + i + 1] for every hall cell k = j·nx + i;
  ;; returns the sum of the positive ones in cell order (the air coming in, m³/s).
  (func (export "intake") (param $nx i32) (param $ny i32) (param $w i32) (param $dirichlet i32) (param $phi i32) (param $out i32) (result f64)
    (local $j i32) (local $o i32) (local $p i32) (local $end i32) (local $v f64) (local $sum f64)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $j) (local.get $ny)))
        (local.set $p (i32.add (local.get $phi) (i32.shl (i32.add (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $w)) (i32.const 1)) (i32.const 3))))
        (local.set $end (i32.add (local.get $o) (i32.shl (local.get $nx) (i32.const 3))))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $o) (local.get $end)))
            (local.set $v (f64.mul (f64.neg (f64.load (i32.add (local.get $dirichlet) (local.get $o)))) (f64.load (local.get $p))))
            (f64.store (i32.add (local.get $out) (local.get $o)) (local.get $v))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (local.set $p (i32.add (local.get $p) (i32.const 8)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows)))
    ;; hallField.ts: if (intake[k] > 0) airflowIn += intake[k], k ascending
    (local.set $end (local.get $o))
    (local.set $o (i32.const 0))
    (block $summed
      (loop $sum
        (br_if $summed (i32.ge_s (local.get $o) (local.get $end)))
        (local.set $v (f64.load (i32.add (local.get $out) (local.get $o))))
        (if (f64.gt (local.get $v) (f64.const 0)) (then (local.set $sum (f64.add (local.get $sum) (local.get $v)))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $sum)))
    (local.get $sum))

  ;; temperature.ts boundaryTerms, every hall cell k = j·nx + i at padded q = (j+1)·w + i + 1:
  ;; out = fanSink[k] + max(−intake[k], 0) + leak[k]; a[q] = outflow[q] = out;
  ;; b[q] = max(intake[k], 0)·intakeC + leak[k]·intakeC.
  (func (export "boundary") (param $nx i32) (param $ny i32) (param $w i32) (param $fanSink i32) (param $intake i32) (param $leak i32) (param $intakeC f64)
                            (param $a i32) (param $outflow i32) (param $b i32)
    (local $j i32) (local $o i32) (local $q i32) (local $end i32) (local $in f64) (local $lk f64) (local $out f64)
    (block $done
      (loop $rows
        (br_if $done (i32.ge_s (local.get $j) (local.get $ny)))
        (local.set $q (i32.shl (i32.add (i32.mul (i32.add (local.get $j) (i32.const 1)) (local.get $w)) (i32.const 1)) (i32.const 3)))
        (local.set $end (i32.add (local.get $o) (i32.shl (local.get $nx) (i32.const 3))))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $o) (local.get $end)))
            (local.set $in (f64.load (i32.add (local.get $intake) (local.get $o))))
            (local.set $lk (f64.load (i32.add (local.get $leak) (local.get $o))))
            (local.set $out
              (f64.add
                (f64.add (f64.load (i32.add (local.get $fanSink) (local.get $o))) (f64.max (f64.neg (local.get $in)) (f64.const 0)))
                (local.get $lk)))
            (f64.store (i32.add (local.get $a) (local.get $q)) (local.get $out))
            (f64.store (i32.add (local.get $outflow) (local.get $q)) (local.get $out))
            (f64.store (i32.add (local.get $b) (local.get $q))
              (f64.add (f64.mul (f64.max (local.get $in) (f64.const 0)) (local.get $intakeC)) (f64.mul (local.get $lk) (local.get $intakeC))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows))))

  ;; temperature.ts heatOutKW, its loop over the padded cells: Σ out·(t[q] − intakeC) over every q
  ;; with out = outflow[q] > 0, q ascending (m³/s·K).
  (func (export "heatOut") (param $size i32) (param $outflow i32) (param $t i32) (param $intakeC f64) (result f64)
    (local $o i32) (local $end i32) (local $out f64) (local $sum f64)
    (local.set $end (i32.shl (local.get $size) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $o) (local.get $end)))
        (local.set $out (f64.load (i32.add (local.get $outflow) (local.get $o))))
        (if (f64.gt (local.get $out) (f64.const 0))
          (then (local.set $sum (f64.add (local.get $sum) (f64.mul (local.get $out) (f64.sub (f64.load (i32.add (local.get $t) (local.get $o))) (local.get $intakeC)))))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $cells)))
    (local.get $sum))

  ;; hallField.ts's range of the field: the least and the largest t over the hall's cells in cell
  ;; order (v < min, v > max, from +inf and -inf), into out[0] and out[1]; returns 1 when any of the
  ;; `size` padded values is >= maxC (temperature.ts's saturation test).
  (func (export "range") (param $nx i32) (param $ny i32) (param $w i32) (param $t i32) (param $size i32) (param $maxC f64) (param $out i32) (result i32)
    (local $j i32) (local $o i32) (local $end i32) (local $v f64) (local $min f64) (local $max f64) (local $hot i32)
    (local.set $min (f64.const inf))
    (local.set $max (f64.const -inf))
    (local.set $j (i32.const 1))
    (block $done
      (loop $rows
        (br_if $done (i32.gt_s (local.get $j) (local.get $ny)))
        (local.set $o (i32.shl (i32.add (i32.mul (local.get $j) (local.get $w)) (i32.const 1)) (i32.const 3)))
        (local.set $end (i32.add (local.get $o) (i32.shl (local.get $nx) (i32.const 3))))
        (block $rowDone
          (loop $cells
            (br_if $rowDone (i32.ge_s (local.get $o) (local.get $end)))
            (local.set $v (f64.load (i32.add (local.get $t) (local.get $o))))
            (if (f64.lt (local.get $v) (local.get $min)) (then (local.set $min (local.get $v))))
            (if (f64.gt (local.get $v) (local.get $max)) (then (local.set $max (local.get $v))))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $cells)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $rows)))
    (f64.store (local.get $out) (local.get $min))
    (f64.store offset=8 (local.get $out) (local.get $max))
    (local.set $o (i32.const 0))
    (local.set $end (i32.shl (local.get $size) (i32.const 3)))
    (block $scanned
      (loop $scan
        (br_if $scanned (i32.ge_s (local.get $o) (local.get $end)))
        (if (f64.ge (f64.load (i32.add (local.get $t) (local.get $o))) (local.get $maxC)) (then (return (i32.const 1))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $scan)))
    (i32.const 0))

  ;; temperature.ts rackLoop: the sweep position of every padded cell, posOf[cell[pos]] = pos.
  (func (export "positions") (param $n i32) (param $cell i32) (param $posOf i32)
    (local $pos i32)
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $pos) (local.get $n)))
        (i32.store (i32.add (local.get $posOf) (i32.shl (i32.load (i32.add (local.get $cell) (i32.shl (local.get $pos) (i32.const 2)))) (i32.const 2))) (local.get $pos))
        (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
        (br $cells))))

  ;; hotSpots.ts, one pick: the first cell k < n of the largest t[k] > -inf among the cells with
  ;; mask[k] = 0 (v > best: NaN never taken); −1 when there is none.
  (func (export "hottest") (param $n i32) (param $t i32) (param $mask i32) (result i32)
    (local $k i32) (local $v f64) (local $bestC f64) (local $best i32)
    (local.set $bestC (f64.const -inf))
    (local.set $best (i32.const -1))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $k) (local.get $n)))
        (if (i32.eqz (i32.load (i32.add (local.get $mask) (i32.shl (local.get $k) (i32.const 2)))))
          (then
            (local.set $v (f64.load (i32.add (local.get $t) (i32.shl (local.get $k) (i32.const 3)))))
            (if (f64.gt (local.get $v) (local.get $bestC))
              (then (local.set $bestC (local.get $v)) (local.set $best (local.get $k))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $cells)))
    (local.get $best))

  ;; memo.ts equals: are the `words` 64-bit words at a and b the same bits?
  (func (export "sameWords") (param $words i32) (param $a i32) (param $b i32) (result i32)
    (local $o i32) (local $end i32)
    (local.set $end (i32.shl (local.get $words) (i32.const 3)))
    (block $done
      (loop $cells
        (br_if $done (i32.ge_s (local.get $o) (local.get $end)))
        (if (i64.ne (i64.load (i32.add (local.get $a) (local.get $o))) (i64.load (i32.add (local.get $b) (local.get $o)))) (then (return (i32.const 0))))
        (local.set $o (i32.add (local.get $o) (i32.const 8)))
        (br $cells)))
    (i32.const 1))

  ;; --- Boxes on the grid (grid.ts), every rack of a hall in one call. ---

  ;; grid.ts cellAt: the cell of a site point, each index clamped into the grid.
  (func $cellAt (param $x f64) (param $y f64) (param $originX f64) (param $originY f64) (param $hx f64) (param $hy f64) (param $nx i32) (param $ny i32) (result i32)
    (i32.add
      (i32.mul
        (i32.trunc_sat_f64_s (f64.min (f64.convert_i32_s (i32.sub (local.get $ny) (i32.const 1))) (f64.max (f64.const 0) (f64.floor (f64.div (f64.sub (local.get $y) (local.get $originY)) (local.get $hy))))))
        (local.get $nx))
      (i32.trunc_sat_f64_s (f64.min (f64.convert_i32_s (i32.sub (local.get $nx) (i32.const 1))) (f64.max (f64.const 0) (f64.floor (f64.div (f64.sub (local.get $x) (local.get $originX)) (local.get $hx))))))))

  ;; grid.ts cellsAlongBox for `count` lines, each 6 f64 in params: (cx, cy) the line's centre,
  ;; (ux, uy) its direction, its length widthM, its number of samples. Sample s at
  ;; along = ((s + 0.5)/samples − 0.5)·widthM, cell cellAt(cx + ux·along, cy + uy·along); a repeat of
  ;; the line's previous cell dropped. Line f's cells go to cells[at[f] … at[f + 1]).
  (func (export "along") (param $count i32) (param $params i32) (param $originX f64) (param $originY f64) (param $hx f64) (param $hy f64) (param $nx i32) (param $ny i32)
                         (param $cells i32) (param $at i32)
    (local $f i32) (local $p i32) (local $s i32) (local $samples i32) (local $n i32) (local $start i32) (local $k i32)
    (local $along f64) (local $fs f64)
    (i32.store (local.get $at) (i32.const 0))
    (block $done
      (loop $lines
        (br_if $done (i32.ge_s (local.get $f) (local.get $count)))
        (local.set $p (i32.add (local.get $params) (i32.mul (local.get $f) (i32.const 48))))
        (local.set $fs (f64.load offset=40 (local.get $p)))
        (local.set $samples (i32.trunc_sat_f64_s (local.get $fs)))
        (local.set $start (local.get $n))
        (local.set $s (i32.const 0))
        (block $lineDone
          (loop $samples
            (br_if $lineDone (i32.ge_s (local.get $s) (local.get $samples)))
            (local.set $along
              (f64.mul
                (f64.sub (f64.div (f64.add (f64.convert_i32_s (local.get $s)) (f64.const 0.5)) (local.get $fs)) (f64.const 0.5))
                (f64.load offset=32 (local.get $p))))
            (local.set $k
              (call $cellAt
                (f64.add (f64.load (local.get $p)) (f64.mul (f64.load offset=16 (local.get $p)) (local.get $along)))
                (f64.add (f64.load offset=8 (local.get $p)) (f64.mul (f64.load offset=24 (local.get $p)) (local.get $along)))
                (local.get $originX) (local.get $originY) (local.get $hx) (local.get $hy) (local.get $nx) (local.get $ny)))
            (if (i32.or (i32.eq (local.get $n) (local.get $start))
                        (i32.ne (i32.load (i32.add (local.get $cells) (i32.shl (i32.sub (local.get $n) (i32.const 1)) (i32.const 2)))) (local.get $k)))
              (then
                (i32.store (i32.add (local.get $cells) (i32.shl (local.get $n) (i32.const 2))) (local.get $k))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))))
            (local.set $s (i32.add (local.get $s) (i32.const 1)))
            (br $samples)))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (i32.store (i32.add (local.get $at) (i32.shl (local.get $f) (i32.const 2))) (local.get $n))
        (br $lines))))

  ;; grid.ts rasteriseBox for `count` boxes, each 11 f64 in params: centre (cx, cy), axis (ux, uy),
  ;; half width and depth, value, the cell range i0, i1, j0, j1 to test. Every cell whose centre
  ;; lies inside (|along| ≤ halfW and |across| ≤ halfD, along = dx·ux + dy·uy, across = dx·(−uy) + dy·ux)
  ;; takes the value if it is smaller than what the cell holds.
  (func (export "rasterise") (param $count i32) (param $params i32) (param $originX f64) (param $originY f64) (param $hx f64) (param $hy f64) (param $nx i32) (param $out i32)
    (local $f i32) (local $p i32) (local $i i32) (local $j i32) (local $i1 i32) (local $j1 i32) (local $q i32)
    (local $cx f64) (local $cy f64) (local $ux f64) (local $uy f64) (local $halfW f64) (local $halfD f64) (local $value f64) (local $dx f64) (local $dy f64)
    (block $done
      (loop $boxes
        (br_if $done (i32.ge_s (local.get $f) (local.get $count)))
        (local.set $p (i32.add (local.get $params) (i32.mul (local.get $f) (i32.const 88))))
        (local.set $cx (f64.load (local.get $p)))
        (local.set $cy (f64.load offset=8 (local.get $p)))
        (local.set $ux (f64.load offset=16 (local.get $p)))
        (local.set $uy (f64.load offset=24 (local.get $p)))
        (local.set $halfW (f64.load offset=32 (local.get $p)))
        (local.set $halfD (f64.load offset=40 (local.get $p)))
        (local.set $value (f64.load offset=48 (local.get $p)))
        (local.set $i1 (i32.trunc_sat_f64_s (f64.load offset=64 (local.get $p))))
        (local.set $j1 (i32.trunc_sat_f64_s (f64.load offset=80 (local.get $p))))
        (local.set $j (i32.trunc_sat_f64_s (f64.load offset=72 (local.get $p))))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.gt_s (local.get $j) (local.get $j1)))
            (local.set $dy (f64.sub (f64.add (local.get $originY) (f64.mul (f64.add (f64.convert_i32_s (local.get $j)) (f64.const 0.5)) (local.get $hy))) (local.get $cy)))
            (local.set $i (i32.trunc_sat_f64_s (f64.load offset=56 (local.get $p))))
            (block $rowDone
              (loop $cells
                (br_if $rowDone (i32.gt_s (local.get $i) (local.get $i1)))
                (local.set $dx (f64.sub (f64.add (local.get $originX) (f64.mul (f64.add (f64.convert_i32_s (local.get $i)) (f64.const 0.5)) (local.get $hx))) (local.get $cx)))
                (if (i32.and
                      (f64.le (f64.abs (f64.add (f64.mul (local.get $dx) (local.get $ux)) (f64.mul (local.get $dy) (local.get $uy)))) (local.get $halfW))
                      (f64.le (f64.abs (f64.add (f64.mul (local.get $dx) (f64.neg (local.get $uy))) (f64.mul (local.get $dy) (local.get $ux)))) (local.get $halfD)))
                  (then
                    (local.set $q (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $nx)) (local.get $i)) (i32.const 3))))
                    (if (f64.lt (local.get $value) (f64.load (local.get $q))) (then (f64.store (local.get $q) (local.get $value))))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $cells)))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $rows)))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (br $boxes))))

  ;; --- multigrid.ts's V-cycle as one call (the preconditioner of every CG iteration). ---
  ;; A level of the hierarchy is 12 i32 in a table: nx, ny, w, gE, gN, d, b, x, r, sx, sy, (unused);
  ;; level 0 the finest, the last the coarsest, whose Cholesky factor (row-major n × n, n = nx·ny,
  ;; lower triangle) is at chol.

  ;; Zeroes n f64 at p.
  (func $zero (param $p i32) (param $n i32)
    (memory.fill (local.get $p) (i32.const 0) (i32.shl (local.get $n) (i32.const 3))))

  ;; Padded index of cell k of a level, (floor(k/nx) + 1)·w + k mod nx + 1, as a byte offset.
  (func $at (param $k i32) (param $nx i32) (param $w i32) (result i32)
    (i32.shl
      (i32.add (i32.add (i32.mul (i32.add (i32.div_s (local.get $k) (local.get $nx)) (i32.const 1)) (local.get $w)) (i32.rem_s (local.get $k) (local.get $nx))) (i32.const 1))
      (i32.const 3)))

  ;; multigrid.ts factor: the coarsest level's matrix (d on the diagonal, −gE and −gN off it,
  ;; symmetric) into a (zeroed, n × n), then its Cholesky factor in place: for each column j,
  ;; l_jj = √max(a_jj − Σ_k<j l_jk², 1e-300), l_ij = (a_ij − Σ_k<j l_ik·l_jk)/l_jj.
  (func (export "factor") (param $nx i32) (param $ny i32) (param $w i32) (param $gE i32) (param $gN i32) (param $d i32) (param $a i32)
    (local $n i32) (local $k i32) (local $p i32) (local $i i32) (local $j i32) (local $s f64) (local $v f64) (local $ljj f64)
    (local.set $n (i32.mul (local.get $nx) (local.get $ny)))
    (block $built
      (loop $cells
        (br_if $built (i32.ge_s (local.get $k) (local.get $n)))
        (local.set $p (call $at (local.get $k) (local.get $nx) (local.get $w)))
        (f64.store (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $k)) (i32.const 3))) (f64.load (i32.add (local.get $d) (local.get $p))))
        (if (i32.lt_s (i32.rem_s (local.get $k) (local.get $nx)) (i32.sub (local.get $nx) (i32.const 1)))
          (then
            (local.set $v (f64.neg (f64.load (i32.add (local.get $gE) (local.get $p)))))
            (f64.store (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (i32.add (local.get $k) (i32.const 1)) (local.get $n)) (local.get $k)) (i32.const 3))) (local.get $v))
            (f64.store (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (i32.add (local.get $k) (i32.const 1))) (i32.const 3))) (local.get $v))))
        (if (i32.lt_s (i32.add (local.get $k) (local.get $nx)) (local.get $n))
          (then
            (local.set $v (f64.neg (f64.load (i32.add (local.get $gN) (local.get $p)))))
            (f64.store (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (i32.add (local.get $k) (local.get $nx)) (local.get $n)) (local.get $k)) (i32.const 3))) (local.get $v))
            (f64.store (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (i32.add (local.get $k) (local.get $nx))) (i32.const 3))) (local.get $v))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $cells)))
    (local.set $j (i32.const 0))
    (block $done
      (loop $columns
        (br_if $done (i32.ge_s (local.get $j) (local.get $n)))
        (local.set $s (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $n)) (local.get $j)) (i32.const 3)))))
        (local.set $k (i32.const 0))
        (block $sDone
          (loop $sLoop
            (br_if $sDone (i32.ge_s (local.get $k) (local.get $j)))
            (local.set $v (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $n)) (local.get $k)) (i32.const 3)))))
            (local.set $s (f64.sub (local.get $s) (f64.mul (local.get $v) (local.get $v))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $sLoop)))
        (local.set $ljj (f64.sqrt (f64.max (local.get $s) (f64.const 1e-300))))
        (f64.store (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $n)) (local.get $j)) (i32.const 3))) (local.get $ljj))
        (local.set $i (i32.add (local.get $j) (i32.const 1)))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $s (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3)))))
            (local.set $k (i32.const 0))
            (block $tDone
              (loop $tLoop
                (br_if $tDone (i32.ge_s (local.get $k) (local.get $j)))
                (local.set $s (f64.sub (local.get $s)
                  (f64.mul
                    (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $k)) (i32.const 3))))
                    (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $n)) (local.get $k)) (i32.const 3)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $tLoop)))
            (f64.store (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 3))) (f64.div (local.get $s) (local.get $ljj)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $rows)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $columns))))

  ;; multigrid.ts solveCoarsest: x = the coarsest level's matrix solved for b by its Cholesky factor
  ;; a (forward then backward substitution, in r's first n values as scratch y), then r zeroed.
  (func $solveCoarsest (param $L i32) (param $a i32)
    (local $nx i32) (local $w i32) (local $b i32) (local $x i32) (local $y i32) (local $n i32) (local $k i32) (local $m i32) (local $s f64) (local $size i32)
    (local.set $nx (i32.load (local.get $L)))
    (local.set $w (i32.load offset=8 (local.get $L)))
    (local.set $b (i32.load offset=24 (local.get $L)))
    (local.set $x (i32.load offset=28 (local.get $L)))
    (local.set $y (i32.load offset=32 (local.get $L)))
    (local.set $n (i32.mul (local.get $nx) (i32.load offset=4 (local.get $L))))
    (local.set $size (i32.mul (local.get $w) (i32.add (i32.load offset=4 (local.get $L)) (i32.const 2))))
    (block $fDone
      (loop $forward
        (br_if $fDone (i32.ge_s (local.get $k) (local.get $n)))
        (local.set $s (f64.load (i32.add (local.get $b) (call $at (local.get $k) (local.get $nx) (local.get $w)))))
        (local.set $m (i32.const 0))
        (block $mDone
          (loop $ms
            (br_if $mDone (i32.ge_s (local.get $m) (local.get $k)))
            (local.set $s (f64.sub (local.get $s)
              (f64.mul
                (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $m)) (i32.const 3))))
                (f64.load (i32.add (local.get $y) (i32.shl (local.get $m) (i32.const 3)))))))
            (local.set $m (i32.add (local.get $m) (i32.const 1)))
            (br $ms)))
        (f64.store (i32.add (local.get $y) (i32.shl (local.get $k) (i32.const 3)))
          (f64.div (local.get $s) (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $k)) (i32.const 3))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $forward)))
    (local.set $k (i32.sub (local.get $n) (i32.const 1)))
    (block $bDone
      (loop $backward
        (br_if $bDone (i32.lt_s (local.get $k) (i32.const 0)))
        (local.set $s (f64.load (i32.add (local.get $y) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $m (i32.add (local.get $k) (i32.const 1)))
        (block $mDone2
          (loop $ms2
            (br_if $mDone2 (i32.ge_s (local.get $m) (local.get $n)))
            (local.set $s (f64.sub (local.get $s)
              (f64.mul
                (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $m) (local.get $n)) (local.get $k)) (i32.const 3))))
                (f64.load (i32.add (local.get $y) (i32.shl (local.get $m) (i32.const 3)))))))
            (local.set $m (i32.add (local.get $m) (i32.const 1)))
            (br $ms2)))
        (f64.store (i32.add (local.get $y) (i32.shl (local.get $k) (i32.const 3)))
          (f64.div (local.get $s) (f64.load (i32.add (local.get $a) (i32.shl (i32.add (i32.mul (local.get $k) (local.get $n)) (local.get $k)) (i32.const 3))))))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $backward)))
    (call $zero (local.get $x) (local.get $size))
    (local.set $k (i32.const 0))
    (block $sDone
      (loop $scatter
        (br_if $sDone (i32.ge_s (local.get $k) (local.get $n)))
        (f64.store (i32.add (local.get $x) (call $at (local.get $k) (local.get $nx) (local.get $w))) (f64.load (i32.add (local.get $y) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $scatter)))
    (call $zero (local.get $y) (local.get $size)))

  ;; multigrid.ts cycle: x = one V-cycle applied to b at level `at`, from x = 0: a forward
  ;; Gauss–Seidel sweep, the residual summed into the coarser level's b, the cycle there, its
  ;; correction added to every child cell, a backward sweep; the coarsest level solved exactly.
  (func $cycle (param $levels i32) (param $count i32) (param $chol i32) (param $at i32)
    (local $L i32) (local $C i32) (local $nx i32) (local $ny i32) (local $w i32)
    (local.set $L (i32.add (local.get $levels) (i32.mul (local.get $at) (i32.const 48))))
    (if (i32.eq (local.get $at) (i32.sub (local.get $count) (i32.const 1)))
      (then (call $solveCoarsest (local.get $L) (local.get $chol)) (return)))
    (local.set $C (i32.add (local.get $L) (i32.const 48)))
    (local.set $nx (i32.load (local.get $L)))
    (local.set $ny (i32.load offset=4 (local.get $L)))
    (local.set $w (i32.load offset=8 (local.get $L)))
    (call $zero (i32.load offset=28 (local.get $L)) (i32.mul (local.get $w) (i32.add (local.get $ny) (i32.const 2))))
    (call $relaxForward (local.get $nx) (local.get $ny) (local.get $w) (i32.load offset=12 (local.get $L)) (i32.load offset=16 (local.get $L)) (i32.load offset=20 (local.get $L))
      (i32.load offset=28 (local.get $L)) (i32.load offset=24 (local.get $L)))
    (call $residual (local.get $nx) (local.get $ny) (local.get $w) (i32.load offset=12 (local.get $L)) (i32.load offset=16 (local.get $L)) (i32.load offset=20 (local.get $L))
      (i32.load offset=28 (local.get $L)) (i32.load offset=24 (local.get $L)) (i32.load offset=32 (local.get $L)))
    (call $zero (i32.load offset=24 (local.get $C)) (i32.mul (i32.load offset=8 (local.get $C)) (i32.add (i32.load offset=4 (local.get $C)) (i32.const 2))))
    (call $restrict (local.get $nx) (local.get $ny) (local.get $w) (i32.load offset=32 (local.get $L)) (i32.load offset=36 (local.get $L)) (i32.load offset=40 (local.get $L))
      (i32.load offset=24 (local.get $C)) (i32.load offset=8 (local.get $C)))
    (call $cycle (local.get $levels) (local.get $count) (local.get $chol) (i32.add (local.get $at) (i32.const 1)))
    (call $prolong (local.get $nx) (local.get $ny) (local.get $w) (i32.load offset=28 (local.get $L)) (i32.load offset=36 (local.get $L)) (i32.load offset=40 (local.get $L))
      (i32.load offset=28 (local.get $C)) (i32.load offset=8 (local.get $C)))
    (call $relaxBackward (local.get $nx) (local.get $ny) (local.get $w) (i32.load offset=12 (local.get $L)) (i32.load offset=16 (local.get $L)) (i32.load offset=20 (local.get $L))
      (i32.load offset=28 (local.get $L)) (i32.load offset=24 (local.get $L))))

  ;; multigrid.ts precondition: z = one V-cycle applied to r (level 0's b = r, all `size` padded
  ;; values; z = level 0's x), returns Σ z·r over the finest level's cells.
  (func (export "precondition") (param $levels i32) (param $count i32) (param $chol i32) (param $r i32) (param $z i32) (result f64)
    (local $nx i32) (local $ny i32) (local $w i32) (local $bytes i32)
    (local.set $nx (i32.load (local.get $levels)))
    (local.set $ny (i32.load offset=4 (local.get $levels)))
    (local.set $w (i32.load offset=8 (local.get $levels)))
    (local.set $bytes (i32.shl (i32.mul (local.get $w) (i32.add (local.get $ny) (i32.const 2))) (i32.const 3)))
    (memory.copy (i32.load offset=24 (local.get $levels)) (local.get $r) (local.get $bytes))
    (call $cycle (local.get $levels) (local.get $count) (local.get $chol) (i32.const 0))
    (memory.copy (local.get $z) (i32.load offset=28 (local.get $levels)) (local.get $bytes))
    (call $dotInterior (local.get $nx) (local.get $ny) (local.get $w) (local.get $z) (local.get $r)))
)
