#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Symbolic links in a site: one that stays inside the site's folder is followed; one that leads
/// outside it (a content file or template linked to `/etc/passwd` would be read, or copied into the
/// published site) or nowhere is refused, and not followed.
package struct SiteLinks: Sendable {
    /// The site's folder with every link in its path resolved.
    package let root: String

    package init(root: String) {
        self.root = SiteLinks.resolved(root) ?? root
    }

    package enum Problem: Equatable, Sendable {
        /// The link's text (as `ls -l` shows it) and that it leads outside the site.
        case outside(String)
        /// The link's text, and that nothing is there.
        case dangling(String)

        /// For a message: what the link is and why it is not followed.
        package var description: String {
            switch self {
            case let .outside(target):
                "a symbolic link to `\(target)`, outside the site: it is not read or published (copy what it points to into the site)"
            case let .dangling(target):
                "a symbolic link to `\(target)`, which does not exist"
            }
        }
    }

    /// Why the entry at `path` may not be followed; `nil` when it is no link, or a link into the site.
    package func problem(_ path: String) -> Problem? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        let target = SiteLinks.linkText(path)
        guard let resolved = SiteLinks.resolved(path) else { return .dangling(target) }
        return resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") ? nil : .outside(target)
    }

    /// The path with every link resolved (`realpath`); `nil` when it leads nowhere.
    package static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// What a link holds (`readlink`).
    private static func linkText(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
