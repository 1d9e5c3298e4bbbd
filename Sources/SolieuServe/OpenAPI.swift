import Foundation

/// Files served as they are: the OpenAPI 3.1 document of the API and the pages' stylesheet
/// (Resources/), read once.
enum OpenAPI {
    static let document: [UInt8] = load("openapi", "json")
    static let stylesheet: [UInt8] = load("solieu", "css")

    /// The file's bytes; empty when the bundle lacks it (a broken install), which the route
    /// serving it answers with a 500 that names the file.
    static func load(_ name: String, _ ext: String) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources"),
              let data = try? Data(contentsOf: url) else { return [] }
        return Array(data)
    }

    static func serve(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        guard !bytes.isEmpty else { throw ServeError(500, "internal", "this installation lacks the server's file \(name)") }
        return bytes
    }
}
