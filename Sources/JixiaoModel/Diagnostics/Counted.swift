/// A count with its noun, singular for one: `1 error`, `2 errors`, `0 warnings`.
public func counted(_ number: Int, _ noun: String, plural: String? = nil) -> String {
    "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
}
