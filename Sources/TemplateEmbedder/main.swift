import Foundation

// Writes a Swift file holding every file of a folder, by relative path, base64-encoded:
//   TemplateEmbedder <folder> <output.swift>
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: TemplateEmbedder <folder> <output.swift>\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL
var entries: [(String, String)] = []
if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
    for case let url as URL in walker {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
              let data = FileManager.default.contents(atPath: url.path) else { continue }
        let path = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
        if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
        entries.append((path, data.base64EncodedString()))
    }
}
entries.sort { $0.0 < $1.0 }
var source = "// Generated from templates/ at build time. Do not edit.\n\n"
source += "enum DefaultTemplates {\n    /// Relative path → contents, base64-encoded.\n    static let encoded: [(path: String, base64: String)] = [\n"
for (path, base64) in entries {
    source += "        (\"\(path)\", \"\(base64)\"),\n"
}
source += "    ]\n}\n"
let output = URL(fileURLWithPath: arguments[2])
let existing = try? String(contentsOf: output, encoding: .utf8)
if existing != source {
    try source.write(to: output, atomically: true, encoding: .utf8)
}
