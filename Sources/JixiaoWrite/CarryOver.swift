import Foundation
import JixiaoSystem

/// Carrying over what the output folder holds besides the last build's files (a README.md or CNAME put
/// there by hand) into the new tree, at commit.
extension OutputWriter {
    /// Links into the new tree every file of the output folder that the previous build did not write
    /// (a README.md, a CNAME), and its empty folders. Where the site now has a file or folder of the
    /// same name, a file of the site replaces such a file; a folder in the way of a file, or a file in
    /// the way of a folder, stops the build.
    func carryOver() throws(OutputFailure) {
        for entry in spareLookup?.foreignEntries(of: previous) ?? Self.foreignEntries(live, previous: previous) {
            let name = entry.path[(entry.path.lastIndex(of: "/").map { entry.path.index(after: $0) } ?? entry.path.startIndex)...]
            // The manifest, and what older versions of jixiao left when killed: files staged in place, and
            // the manifest half written by Foundation's atomic write (`.dat.nosync…` beside it).
            if entry.path.hasPrefix(Self.ownPrefix) { continue }
            if entry.path.hasPrefix(".dat.nosync") || name.hasSuffix(".jixiao-staged") {
                state.withLock { $0.foreign.append(entry.path) }
                continue
            }
            switch entry.kind {
            case .folder where entry.isEmpty:
                try carryFolders(entry.path)
                state.withLock {
                    $0.foreign.append(entry.path + "/")
                    $0.carried.insert(entry.path + "/")
                }
            case .file, .link:
                guard previous.entries[entry.path] == nil else { continue }
                let carried = try carry(entry.path, isLink: entry.kind == .link)
                state.withLock {
                    $0.foreign.append(entry.path)
                    if carried { $0.carried.insert(entry.path) }
                }
            default:
                continue
            }
        }
    }

    /// Links one file across; `false` when a file of the site has its name (and replaces it).
    private func carry(_ path: String, isLink: Bool) throws(OutputFailure) -> Bool {
        if let slash = path.lastIndex(of: "/") { try carryFolders(String(path[..<slash])) }
        let source = live + "/" + path, target = staging + "/" + path
        let link = { () throws(SystemError) in
            if isLink {
                try FileLinks.copyLink(source, as: target)
            } else {
                _ = try Self.linkOrCopy(source, target)
            }
        }
        do {
            try link()
            return true
        } catch where error.isExisting {
            // The site has a file or folder of that name now: a file of the site replaces it, as it always did.
            let prefix = path + "/"
            if state.withLock({ state in state.current[path] != nil || state.current.keys.contains { $0.hasPrefix(prefix) } }) {
                if FileStatus(path: target)?.kind == .folder {
                    throw failure("\(folder)/\(path): \(SystemError.notAFolder) "
                        + "(the site has a folder there; the file was not written by jixiao)")
                }
                return false
            }
            // What the spare holds there is of an earlier site.
            do {
                try FileTree.remove(target)
                try link()
                return true
            } catch {
                throw failure("\(error.path): \(error.reason)")
            }
        } catch {
            throw failure("\(error.path): \(error.reason)")
        }
    }

    /// Makes a folder of the output folder, and those above it, in the new tree; a file of the site in
    /// the way stops the build.
    private func carryFolders(_ path: String) throws(OutputFailure) {
        var made = ""
        for part in path.split(separator: "/") {
            made += made.isEmpty ? String(part) : "/" + part
            let target = staging + "/" + made
            if state.withLock({ $0.folders.contains(target) }) { continue }
            if case let .failure(error) = Folders.make(target) {
                throw failure("\(error.path): \(error.reason)")
            }
            // A file the spare holds there, of an earlier site, makes way.
            if FileStatus(path: target)?.kind != .folder, state.withLock({ $0.current[made] == nil }), !spare.entries.isEmpty {
                FileWrite.remove(target)
                _ = Folders.make(target)
            }
            guard FileStatus(path: target)?.kind == .folder else {
                throw failure("\(folder)/\(made): \(SystemError.isAFolder) "
                    + "(the site has a file there; the folder holds files that jixiao did not write)")
            }
            state.withLock { _ = $0.folders.insert(target) }
        }
    }
}
