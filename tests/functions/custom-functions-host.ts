// The part of Excel's custom-functions runtime the functions use (CustomFunctions.Error and ErrorCode), as the
// documented API defines it, so function wrappers run in Node exactly as they do in Excel.

class ExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

const associated = new Map<string, unknown>();
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: ExcelError,
  ErrorCode,
  associate: (id: string, fn: unknown) => associated.set(id, fn),
  _associated: associated,
};
