// The ways a derived figure can be undefined or its input unusable; hosts map them to their own errors
// (Excel: #DIV/0!, #VALUE!, #N/A; CLI/HTTP: messages), so core never depends on a host.

export type DomainErrorKind = "divide-by-zero" | "bad-input" | "not-available";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const badInput = (message: string) => new DomainError("bad-input", message);
export const divideByZero = (message: string) => new DomainError("divide-by-zero", message);
export const notAvailable = (message: string) => new DomainError("not-available", message);
