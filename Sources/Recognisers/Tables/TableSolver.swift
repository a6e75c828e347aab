import Foundation

/// Chooses, for every row of a text table, how its digits split into numbers.
///
/// The evidence, strongest first: the column count (a reading with as many cells as the header
/// has columns); arithmetic the table itself shows (a difference column equal to two others in
/// the rows that only read one way; a row equal to the sum of the rows above or below it, as
/// `Summa`, `Totalt` and `varav` rows are); and the size of the numbers in the same column in the
/// other rows. A row where the evidence leaves two readings tied keeps the first and has its
/// cells marked ambiguous.
struct TableSolver {
    /// The readings of each row (an empty list for a row without figures: a group label).
    var readings: [[RowCandidate]]
    /// The number of figure columns.
    var columns: Int

    /// The chosen reading of each row, and whether the choice was left undecided.
    struct Choice: Sendable {
        var index: Int
        var ambiguous: Bool
    }

    /// A learned relation: column `target` equals column `left` minus column `right`.
    struct Difference: Hashable {
        var target: Int
        var left: Int
        var right: Int
    }

    /// Chooses a reading for every row.
    func solve(differenceColumns: Set<Int> = []) -> [Choice] {
        var choices = readings.map { _ in Choice(index: 0, ambiguous: false) }
        // Confident rows have one reading that fills the columns best: they teach the table's
        // arithmetic and magnitudes. Settled rows have one reading at all.
        var confident = [Bool](repeating: false, count: readings.count)
        var settled = [Bool](repeating: true, count: readings.count)
        for (r, options) in readings.enumerated() where !options.isEmpty {
            let best = options.indices.min { countPenalty(options[$0]) < countPenalty(options[$1]) }!
            let bestPenalty = countPenalty(options[best])
            let tied = options.indices.filter { countPenalty(options[$0]) < bestPenalty + 1.5 }
            choices[r].index = best
            confident[r] = tied.count == 1
            settled[r] = options.filter { countPenalty($0) < 10 }.count <= 1
        }
        let differences = learnDifferences(choices: choices, fixed: confident, hinted: differenceColumns)
        let magnitudes = columnMagnitudes(choices: choices, fixed: confident)
        // Two passes: sums use the other rows' current choices.
        for _ in 0..<2 {
            for (r, options) in readings.enumerated() where !settled[r] && options.count > 1 {
                var scored: [(index: Int, score: Double)] = []
                let leastPenalty = options.map(countPenalty).min() ?? 0
                let considered = options.indices.filter { countPenalty(options[$0]) <= leastPenalty + 2.5 }.prefix(64)
                for i in considered {
                    let option = options[i]
                    let values = numbers(option)
                    var score = -countPenalty(option)
                    score += 4 * Double(differences.filter { holds($0, values) }.count)
                    score += 3 * Double(sumSupport(row: r, values: values, choices: choices))
                    score -= 0.8 * magnitudeDistance(values, magnitudes)
                    scored.append((i, score))
                }
                scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
                choices[r].index = scored[0].index
                let runnerUp = scored.dropFirst().first
                choices[r].ambiguous = runnerUp.map { scored[0].score - $0.score < 0.35 } ?? false
            }
        }
        return choices
    }

    /// Penalty for a reading whose cell count differs from the column count.
    func countPenalty(_ option: RowCandidate) -> Double {
        let count = option.cells.count
        if count > columns { return 10 * Double(count - columns) }
        return 2 * Double(columns - count)
    }

    /// The numbers of a reading by column (nil where the cell holds none).
    func numbers(_ option: RowCandidate) -> [Double?] {
        (0..<columns).map { $0 < option.cells.count ? option.cells[$0].value : nil }
    }

    /// The smallest step the printed numbers show (1 for integers, 0.1 for one decimal).
    func step(_ values: [Double?]) -> Double {
        var decimals = 0
        for value in values.compactMap({ $0 }) {
            var v = abs(value)
            var d = 0
            while d < 4, abs(v - v.rounded()) > 1e-9 {
                v *= 10
                d += 1
            }
            decimals = max(decimals, d)
        }
        return pow(10, -Double(decimals))
    }

    /// True when a row's numbers satisfy a difference relation, within the rounding of the printed figures.
    func holds(_ relation: Difference, _ values: [Double?]) -> Bool {
        guard let t = values[relation.target], let l = values[relation.left], let r = values[relation.right] else { return false }
        if t == 0 && l == 0 && r == 0 { return false }
        return abs(t - (l - r)) <= step([t, l, r]) * 1.01
    }

    /// Difference columns the rows that read only one way agree on.
    func learnDifferences(choices: [Choice], fixed: [Bool], hinted: Set<Int>) -> [Difference] {
        guard columns >= 3 else { return [] }
        let rows = readings.indices.filter { fixed[$0] && !readings[$0].isEmpty }.map { numbers(readings[$0][choices[$0].index]) }
        var found: [Difference] = []
        for target in 0..<columns {
            var best: (Difference, Int)?
            for left in 0..<columns where left != target {
                for right in 0..<columns where right != target && right != left {
                    let relation = Difference(target: target, left: left, right: right)
                    let applicable = rows.filter { $0[target] != nil && $0[left] != nil && $0[right] != nil && !($0[target] == 0 && $0[left] == 0 && $0[right] == 0) }
                    let support = applicable.filter { holds(relation, $0) }.count
                    let needed = hinted.contains(target) ? 2 : 3
                    if support >= needed, Double(support) >= 0.8 * Double(applicable.count), support > (best?.1 ?? 0) {
                        best = (relation, support)
                    }
                }
            }
            if let best { found.append(best.0) }
        }
        return found
    }

    /// Median order of magnitude of each column in the rows that read only one way.
    func columnMagnitudes(choices: [Choice], fixed: [Bool]) -> [Double?] {
        (0..<columns).map { column in
            let values = readings.indices.filter { fixed[$0] && !readings[$0].isEmpty }
                .compactMap { numbers(readings[$0][choices[$0].index])[column] }.map { log10(abs($0) + 1) }.sorted()
            guard !values.isEmpty else { return nil }
            return values[values.count / 2]
        }
    }

    /// How far a reading's numbers are from the usual size of their columns, in orders of magnitude.
    func magnitudeDistance(_ values: [Double?], _ magnitudes: [Double?]) -> Double {
        var total = 0.0
        for (value, magnitude) in zip(values, magnitudes) {
            guard let value, let magnitude else { continue }
            total += min(3, abs(log10(abs(value) + 1) - magnitude))
        }
        return total
    }

    /// The most columns in which the row is the sum of a run of rows next to it, or in which it
    /// completes a run of rows that another row sums.
    func sumSupport(row: Int, values: [Double?], choices: [Choice]) -> Int {
        let window = 25
        func rowValues(_ r: Int) -> [Double?] {
            if r == row { return values }
            guard !readings[r].isEmpty else { return Array(repeating: nil, count: columns) }
            return numbers(readings[r][choices[r].index])
        }
        func matches(total: [Double?], parts: ClosedRange<Int>) -> Int {
            let partValues = parts.map(rowValues)
            let counted = partValues.filter { $0.contains { $0 != nil } }.count
            guard counted >= 2 else { return 0 }
            var hits = 0
            for column in 0..<columns {
                guard let t = total[column], t != 0 else { continue }
                let terms = partValues.compactMap { $0[column] }
                guard terms.count >= 2 else { continue }
                let tolerance = step(terms + [t]) * max(1, 0.5 * Double(terms.count)) + 1e-9
                if abs(terms.reduce(0, +) - t) <= tolerance { hits += 1 }
            }
            return hits
        }
        var best = 0
        let lower = max(0, row - window)
        let upper = min(readings.count - 1, row + window)
        // The row as a total of the rows above or below it.
        if row - 2 >= lower {
            for start in stride(from: row - 2, through: lower, by: -1) {
                best = max(best, matches(total: values, parts: start...(row - 1)))
            }
        }
        if row + 2 <= upper {
            for end in (row + 2)...upper {
                best = max(best, matches(total: values, parts: (row + 1)...end))
            }
        }
        // The row as one of the parts of another row's total.
        for total in lower...upper where total != row {
            let totalValues = rowValues(total)
            guard totalValues.contains(where: { $0 != nil }) else { continue }
            if total > row {
                for start in lower...row where total - start >= 2 {
                    best = max(best, matches(total: totalValues, parts: start...(total - 1)))
                }
            } else {
                for end in row...upper where end - total >= 2 {
                    best = max(best, matches(total: totalValues, parts: (total + 1)...end))
                }
            }
        }
        return best >= 2 || columns == 1 ? best : 0
    }
}
