import Foundation
import JixiaoSystem

/// The spare's files looked up ahead of the build that takes the spare over: started when the build
/// starts, it runs on another core while the content is read and checked, and the writer then finds
/// each kept file's size and time there instead of asking the file system again (tens of thousands of
/// `stat` calls at 10,000 projects). Looking up only reads: the spare is taken over by the writer.
package final class SpareLookup: Sendable {
    package struct Found: Sendable {
        /// The spare's manifest, as read (or as the session knew it).
        let manifest: Manifest
        /// Its files that are not plainly as it records them, with what was found (`nil`: gone): changed,
        /// or modified in the tick the manifest was written (their bytes tell). The others are.
        let exceptions: [String: FileStatus?]
    }

    private let lookup: Lookahead<Found?>

    /// Starts looking up the spare beside `output`; `known`: its manifest as the session wrote it.
    package init(output: URL, known: Manifest?) {
        let folder = output.standardizedFileURL.path
        let live = Folders.realPath(folder) ?? folder
        let (parent, name) = OutputWriter.parentAndName(live)
        let spare = parent + "/." + name + ".jixiao-spare"
        lookup = Lookahead { Self.look(spare, known: known) }
    }

    /// What was found, once the lookup is done; `nil` when there is no spare or its manifest cannot be read.
    var found: Found? { lookup.value }

    private static func look(_ spare: String, known: Manifest?) -> Found? {
        guard let folder = OpenFolder(spare) else { return nil }
        let file = spare + "/" + OutputWriter.manifestName
        let manifest = known.flatMap { known in known.written != nil && FileStatus(path: file)?.modified == known.written ? known : nil }
            ?? Manifest.read(file)
        guard manifest.written != nil, !manifest.entries.isEmpty else { return nil }
        let all = Array(manifest.entries)
        let written = manifest.written
        let exceptions = Parallel.map(Parallel.chunks(all.count)) { chunk in
            all[chunk].compactMap { path, entry -> (String, FileStatus?)? in
                let status = FileStatus(path, in: folder)
                if let status, status.kind == .file, status.size == entry.size, let modified = entry.modified, modified == status.modified,
                   let written, modified < written
                {
                    return nil
                }
                return (path, status)
            }
        }
        var byPath: [String: FileStatus?] = [:]
        for (path, status) in exceptions.joined() { byPath[path] = status }
        return Found(manifest: manifest, exceptions: byPath)
    }
}
