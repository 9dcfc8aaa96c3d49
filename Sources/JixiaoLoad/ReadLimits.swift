import Foundation
import JixiaoModel
import JixiaoSystem

/// How large a file the loader reads. A larger file is refused before any of it is read, with its size:
/// a content file is a page of front matter, and nothing should make a build read gigabytes. site.yaml
/// sets both (`max_file_kb`, `max_table_kb`); site.yaml itself is held to the default.
package struct ReadLimits: Sendable, Hashable {
    /// site.yaml, _unit.md and project files: 1 MB.
    package static let defaultFileKB = 1024
    /// .csv tables: 20 MB.
    package static let defaultTableKB = 20 * 1024
    /// What site.yaml may set them to: 1 KB to 1 GB.
    static let allowedKB = 1 ... 1 << 20

    package var fileKB = ReadLimits.defaultFileKB
    package var tableKB = ReadLimits.defaultTableKB

    package init() {}

    package enum Kind {
        case content, table

        var key: String { self == .content ? "max_file_kb" : "max_table_kb" }
    }

    /// The bytes of the file at `path`; why it cannot be read as a diagnostic placed at `shown`.
    package func bytes(_ path: String, shown: String, kind: Kind) -> Result<[UInt8], Diagnostic> {
        let limitKB = kind == .content ? fileKB : tableKB
        return FileRead.bytes(path, limit: limitKB * 1024).mapError { failure in
            ReadLimits.diagnostic(failure, shown: shown, limitKB: limitKB, key: kind.key)
        }
    }

    /// Why the file at `path` may not be read, without reading it (for readers that open the file
    /// themselves, such as the workbook reader); `nil` when it may.
    package func refusal(_ path: String, shown: String, kind: Kind) -> Diagnostic? {
        let limitKB = kind == .content ? fileKB : tableKB
        guard let status = FileStatus(path: path) else { return ReadLimits.diagnostic(.system(code: errno), shown: shown, limitKB: limitKB, key: kind.key) }
        guard status.size <= limitKB * 1024 else { return ReadLimits.diagnostic(.tooLarge(bytes: status.size), shown: shown, limitKB: limitKB, key: kind.key) }
        return nil
    }

    static func diagnostic(_ failure: FileRead.Failure, shown: String, limitKB: Int, key: String) -> Diagnostic {
        let place = SourceLocation(file: shown)
        guard case let .tooLarge(bytes) = failure else {
            return .error(.unreadable, "cannot read the file: \(failure.reason)", at: place)
        }
        let size = Decimal((bytes + 1023) / 1024).grouped(0)
        return .error(.tooLarge, "the file is too large to read: \(size) KB, over the \(Decimal(limitKB).grouped(0)) KB that `\(key)` in content/site.yaml allows",
                      at: place)
    }
}
