enum EvalExtract { static func run(root: String) -> Int32 { print("not yet"); return 1 } }
enum BenchExtract { static func run(root: String, megabytes: Int) {} }
