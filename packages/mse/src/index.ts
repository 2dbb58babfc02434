export * from './table';
export * from './estimate';
export { allPairs, buildModel, checkModel, fitModel, loadSolver, type FittedModel, type ModelCheck, type Pair } from './model';
export * from './bootstrap';
