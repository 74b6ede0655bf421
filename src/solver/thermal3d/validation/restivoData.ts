// Measured velocities in Restivo's ventilated room, the experiment behind the IEA Annex 20
// two-dimensional test case (Nielsen 1990; the same room: L × H = 9 × 3 m, slot h = 0.168 m under
// the ceiling across the width, U0 = 0.455 m/s, outlet 0.48 m high at the floor of the far wall).
//
// Source of the measurements: A. Restivo, "Turbulent Flow in Ventilated Rooms", University of
// London, Department of Mechanical Engineering, 1979 (thesis; bibliography key Restivo:1979 of the
// FDS manuals). Tabulated in the FDS validation data: repository firemodels/exp, file
// Restivo_Experiment/Restivo.csv (sha256 c415a2d1c074293436d0d832ab9d78485c69120880b2ece6631f077fb939e780,
// unchanged since commit ae8a6fca191222d2c047903bdcf61fb49bfb3f41, 2016-08-31), described in the
// FDS Validation Guide (firemodels/fds, Manuals/FDS_Validation_Guide/Experiment_Chapter.tex,
// section "Restivo Compartment Air Flow Experiment": 9 m × 3 m × 3 m high, slot 16.8 cm, 0.455 m/s;
// the lengthwise velocity on two vertical lines 3 m and 6 m from the inlet on the centre line of
// the room and on two horizontal lines 8.4 cm above the floor and below the ceiling; hot-wire
// anemometers, "typical thresholds of approximately 0.1 m/s"). Columns copied here unchanged
// (E-notation written out), rows with NaN dropped: [position m, u m/s], u along +x away from the
// inlet wall.

/** Horizontal line z = 0.084 m (h/2 above the floor): [x m, u m/s]. */
export const RESTIVO_FLOOR: ReadonlyArray<readonly [number, number]> = [[0.15, 0.0171], [0.296, 0.023], [0.472, 0.0209], [0.645, 0.0171], [0.775, 0.0141], [0.948, 0.00807], [1.11, 0.00378], [1.3, -0.00152], [1.45, -0.00782], [1.62, -0.0106], [1.79, -0.0131], [1.95, -0.0192], [2.28, -0.0282], [2.65, -0.0328], [2.98, -0.0449], [3.47, -0.0615], [4.0, -0.081], [4.47, -0.0953], [4.97, -0.12], [5.54, -0.144], [6.02, -0.153], [6.5, -0.154], [7.02, -0.145], [7.55, -0.123], [8.06, -0.0807], [8.4, -0.0338], [8.71, 0.0265], [8.92, 0.0989]]

/** Horizontal line z = 2.916 m (h/2 below the ceiling): [x m, u m/s]. */
export const RESTIVO_CEILING: ReadonlyArray<readonly [number, number]> = [[0.0399, 0.49], [0.516, 0.483], [1.0, 0.47], [1.49, 0.444], [2.0, 0.417], [2.51, 0.393], [3.01, 0.374], [3.47, 0.357], [3.99, 0.339], [4.49, 0.325], [5.03, 0.313], [5.53, 0.301], [6.0, 0.291], [6.51, 0.278], [6.89, 0.268], [7.21, 0.255], [7.54, 0.229], [7.9, 0.204], [8.05, 0.174], [8.13, 0.139], [8.18, 0.109], [8.27, 0.0652], [8.39, 0.0295], [8.45, -0.0121], [8.52, -0.0637], [8.59, -0.0929], [8.67, -0.0896], [8.78, -0.0708]]

/** Vertical line x = 3 m (= H): [z m, u m/s]. */
export const RESTIVO_X3: ReadonlyArray<readonly [number, number]> = [[0.0383, -0.0435], [0.0901, -0.0485], [0.142, -0.0505], [0.205, -0.0513], [0.272, -0.0533], [0.339, -0.0538], [0.414, -0.0525], [0.5, -0.0525], [0.617, -0.0498], [0.832, -0.0465], [1.04, -0.043], [1.25, -0.0318], [1.48, -0.0183], [1.73, -0.00175], [1.91, 0.015], [2.13, 0.0353], [2.34, 0.0743], [2.44, 0.106], [2.56, 0.155], [2.67, 0.231], [2.74, 0.287], [2.77, 0.315], [2.81, 0.344], [2.88, 0.358], [2.93, 0.351]]

/** Vertical line x = 6 m (= 2H): [z m, u m/s]. */
export const RESTIVO_X6: ReadonlyArray<readonly [number, number]> = [[0.0684, -0.138], [0.11, -0.144], [0.155, -0.143], [0.222, -0.139], [0.287, -0.134], [0.348, -0.13], [0.435, -0.126], [0.531, -0.12], [0.66, -0.112], [0.864, -0.0969], [1.07, -0.0714], [1.29, -0.039], [1.5, -0.0139], [1.73, 0.0172], [1.94, 0.0412], [2.15, 0.0801], [2.36, 0.135], [2.5, 0.181], [2.63, 0.222], [2.71, 0.246], [2.8, 0.274], [2.84, 0.285], [2.89, 0.286], [2.94, 0.283], [2.98, 0.264]]
