// Public API of profiling: what the columns of a dataset hold.
export {
  type ColumnProfile,
  type ProfileOptions,
  profileDataset,
  type ValueCount,
} from "./profile-dataset.js";
