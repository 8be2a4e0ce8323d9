// Warnings every stage returns as data, for the caller to render.

export interface LinkageWarning {
  readonly code: string;
  readonly message: string;
}
