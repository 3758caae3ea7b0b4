// Placeholder: replaced by the embedded FerretDB launcher (one server per test run).
export default function setup(): void {}
