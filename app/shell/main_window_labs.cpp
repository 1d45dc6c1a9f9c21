// The main window's labs as a deck (sessions, lessons, undo, presentation),
// the lesson caption over them, each lab's help page, and what the command
// line asks for at start.
#include "app/labs/chain/chain_controls.h"
#include "app/labs/chain/chain_lab.h"
#include "app/labs/dvae/dvae_controls.h"
#include "app/labs/dvae/dvae_lab.h"
#include "app/labs/field/field_controls.h"
#include "app/labs/field/field_lab.h"
#include "app/labs/image/image_controls.h"
#include "app/labs/image/image_lab.h"
#include "app/labs/interp/interp_controls.h"
#include "app/labs/interp/interp_lab.h"
#include "app/shell/lab_deck.h"
#include "app/shell/main_window.h"
#include "app/shell/session_actions.h"
#include "app/shell/setup_history.h"

#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QScreen>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>

namespace aelab {

namespace {
// The deck entry of a lab whose panel has a training toggle and whose models
// a session keeps (the image, interpolation and DVAE labs).
template <typename Lab>
LabEntry imageLabEntry(const QString& key, Lab* lab, std::function<void()> rebuild,
                       std::function<long long()> progress, const QStringList& advanced,
                       const QStringList& strip) {
    LabEntry entry{key,
                   lab,
                   lab->controls(),
                   std::move(rebuild),
                   [lab](bool on) { lab->controls()->setTraining(on); },
                   std::move(progress),
                   [lab] { return lab->modelStates(); },
                   [lab](const QVariantMap& parts) { lab->restoreModelStates(parts); },
                   advanced};
    entry.running = [lab] { return lab->controls()->isTraining(); };
    entry.frame = lab->frame();
    entry.strip = strip;
    return entry;
}
} // namespace

void MainWindow::buildDeck() {
    deck_ = new LabDeck(tabs_, this);
    LabEntry field{"field",
                   fieldLab_,
                   fieldLab_->controls(),
                   [this] { fieldLab_->reset(false); },
                   [this](bool on) { fieldLab_->setPlaying(on); },
                   [this] { return fieldLab_->lastSnapshot().step; },
                   {}, // its model and loss history: SessionActions keeps both
                   {},
                   {"width", "depth", "activation", "batch", "points"}};
    field.running = [this] { return fieldLab_->isPlaying(); };
    field.frame = fieldLab_->frame();
    field.strip = {"dataset", "sigma"};
    field.cleanSlate = [this] { fieldLab_->cleanSlate(); };
    deck_->add(field);
    LabEntry chain{"chain",
                   chainLab_,
                   chainLab_->controls(),
                   [this] { chainLab_->restart(); },
                   [this](bool on) {
                       if (chainLab_->isPlaying() != on) chainLab_->togglePlaying();
                   },
                   [this] { return chainLab_->lastSnapshot().step; },
                   {},
                   {},
                   {"trail", "burst"}};
    chain.running = [this] { return chainLab_->isPlaying(); };
    chain.frame = chainLab_->frame();
    chain.strip = {"rule", "particles"};
    chain.companions = {"field"}; // the chain follows the field lab's training
    deck_->add(chain);
    LabEntry image = imageLabEntry(
        "image", imageLab_, [this] { emit imageLab_->controls()->modelResetRequested(); },
        [this] { return imageLab_->lastSnapshot().step; },
        {"architecture", "base", "learningRate", "batch", "chainSpeed"}, {"data", "noiseLevel"});
    image.openPretrained = [this](const QStringList& names, QString* why) {
        return imageLab_->openPretrained(names, why);
    };
    deck_->add(image);
    LabEntry interp = imageLabEntry(
        "interpolation", interpLab_, [this] { emit interpLab_->controls()->rebuildRequested(); },
        [this] { return interpLab_->lastSnapshot().step; }, {"depth", "learningRate", "batch"},
        {"model", "compare"});
    interp.saveView = [this] { return interpLab_->viewState(); };
    interp.restoreView = [this](const QJsonObject& state) { interpLab_->restoreViewState(state); };
    interp.openPretrained = [this](const QStringList& names, QString* why) {
        return interpLab_->openPretrained(names, why);
    };
    deck_->add(interp);
    LabEntry dvae = imageLabEntry(
        "dvae", dvaeLab_, [this] { emit dvaeLab_->controls()->resetRequested(); },
        [this] { return dvaeLab_->lastSnapshot().slot[0].step; },
        {"architecture", "hidden", "latent", "learningRate", "batch", "k"},
        {"noiseKindB", "noiseLevelB"});
    dvae.openPretrained = [this](const QStringList& names, QString* why) {
        return dvaeLab_->openPretrained(names, why);
    };
    deck_->add(dvae);
    history_ = new SetupHistory(deck_, this);
    sessions_ = new SessionActions(this, deck_, history_, fieldLab_);
    connect(sessions_, &SessionActions::captionChanged, this, &MainWindow::showCaption);
    connect(sessions_, &SessionActions::message, this,
            [this](const QString& text, int ms) { statusBar()->showMessage(text, ms); });
}

void MainWindow::showCaption(const QString& title, const QString& caption, const QString& lab) {
    captionLab_ = lab;
    caption_->setText(title.isEmpty() && caption.isEmpty()
                          ? QString()
                          : QStringLiteral("<b>%1</b> &nbsp; %2")
                                .arg(title.toHtmlEscaped(), caption.toHtmlEscaped()));
    fitCaptionFont();
    labChanged();
}

void MainWindow::fitCaptionFont() {
    QFont font = caption_->font();
    font.setPointSizeF(presenting_ ? 16 : QApplication::font().pointSizeF() + 1);
    caption_->setFont(font);
}

void MainWindow::showHelpPage() {
    const QString key = deck_->currentKey();
    QFile page(":/help/" + key + ".html");
    if (!page.open(QIODevice::ReadOnly)) return;
    QDialog dialog(this);
    dialog.setWindowTitle(
        tr("What am I looking at? — %1").arg(tabs_->tabText(tabs_->currentIndex())));
    auto* browser = new QTextBrowser(&dialog);
    browser->setObjectName("helpBrowser");
    browser->setHtml(QString::fromUtf8(page.readAll()));
    browser->setOpenExternalLinks(true);
    if (presenting_) {
        QFont f = browser->font();
        f.setPointSizeF(std::max(14.0, f.pointSizeF() * 1.5));
        browser->setFont(f);
    }
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(browser);
    const QSize room = screen() ? screen()->availableGeometry().size() : QSize(1280, 720);
    dialog.resize(std::min(760, room.width() - 40), std::min(820, room.height() - 60));
    if (helpShown) helpShown(&dialog);
    dialog.exec();
}

QString parseGuiOptions(const QStringList& args, GuiOptions* out) {
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (a == "--present") {
            out->present = true;
        } else if (a == "--open" || a == "--lesson") {
            if (i + 1 >= args.size()) return QStringLiteral("%1 needs a value").arg(a);
            (a == "--open" ? out->session : out->lesson) = args.at(++i);
        } else {
            return QStringLiteral("unknown option \"%1\"").arg(a);
        }
    }
    return {};
}

void MainWindow::startWith(const GuiOptions& options) {
    QString error;
    if (!options.session.isEmpty() && !sessions_->openSession(options.session, &error))
        QMessageBox::warning(this, tr("Cannot open the session"), error);
    if (!options.lesson.isEmpty() && !sessions_->startLesson(options.lesson, &error))
        QMessageBox::warning(this, tr("Cannot start the lesson"), error);
    if (options.present) setPresentation(true);
}

} // namespace aelab
