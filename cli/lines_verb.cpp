// aelab lines: one image of the lines benchmark, as the benchmark draws it.
#include "datasets/lines.h"

#include "cli/args.h"
#include "cli/output.h"
#include "cli/verbs.h"

#include <QImage>

#include <cmath>

namespace aelab::cli {

int runLinesVerb(const QStringList& args) {
    CliArgs a("lines",
              "Write one image of the lines benchmark (docs/references.md §4) as 8-bit grey PNG.");
    a.addOption("angle", "Angle theta in radians (0 points right, pi/2 up).", "0");
    a.addOption("out", "The PNG file to write.");
    if (!a.parse(args)) return usageError(a);
    if (a.helpRequested()) return printHelp(a);
    double theta = 0;
    if (!a.number("angle", -1e6, 1e6, theta)) return usageError(a);
    if (!a.isSet("out")) {
        a.fail("--out FILE.png is required");
        return usageError(a);
    }
    const aelab::LineImage line = aelab::drawLine(theta);
    QImage img(aelab::kLineSize, aelab::kLineSize, QImage::Format_Grayscale8);
    for (int r = 0; r < aelab::kLineSize; ++r)
        for (int col = 0; col < aelab::kLineSize; ++col)
            // -1 -> 0, +1 -> 255.
            img.scanLine(r)[col] =
                uchar(std::lround((line[size_t(r * aelab::kLineSize + col)] + 1.0) * 127.5));
    QString error;
    if (!writePng(img, a.text("out"), &error)) {
        a.fail(error);
        return usageError(a);
    }
    return 0;
}

} // namespace aelab::cli
