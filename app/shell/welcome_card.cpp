#include "app/shell/welcome_card.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace aelab {

namespace {
constexpr const char* kNeverKey = "welcome/neverShow";
}

WelcomeCard::WelcomeCard(QWidget* host, std::function<void()> startLesson) : QFrame(host) {
    setObjectName("welcomeCard");
    setStyleSheet("#welcomeCard { background: rgba(255, 255, 255, 240); border: 1px solid #8a9bb5;"
                  " border-radius: 8px; }");
    auto* text = new QLabel(
        tr("<h3>Welcome to Autoencoder Lab</h3>"
           "<p>This is a denoising autoencoder r(x) learning the spiral of grey points. "
           "<span style='color:#b01e1e'><b>Red arrows</b></span> are what it has learned, "
           "r(x) − x; <span style='color:#4a7fd0'><b>pale blue arrows</b></span> are the "
           "exact answer for the noise-blurred data. They should come to agree.</p>"
           "<p>Press <b>Space</b> to train and watch the field fit R² climb towards 1. "
           "<b>S</b> takes one step, <b>R</b> starts again. <b>F11</b> is the projector "
           "view; <b>Shift+F1</b> explains what is on screen.</p>"),
        this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    never_ = new QCheckBox(tr("Don't show this again"), this);
    auto* lesson = new QPushButton(tr("Start lesson 1"), this);
    auto* close = new QPushButton(tr("Close"), this);
    lesson->setObjectName("welcomeLesson");
    close->setObjectName("welcomeClose");
    connect(lesson, &QPushButton::clicked, this, [this, startLesson] {
        dismiss();
        startLesson();
    });
    connect(close, &QPushButton::clicked, this, &WelcomeCard::dismiss);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(never_);
    buttons->addStretch(1);
    buttons->addWidget(lesson);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 12);
    layout->addWidget(text);
    layout->addLayout(buttons);
    host->installEventFilter(this);
    place();
    raise();
}

bool WelcomeCard::wanted() {
    return !QSettings().value(kNeverKey, false).toBool();
}

void WelcomeCard::dismiss() {
    if (never_->isChecked()) QSettings().setValue(kNeverKey, true);
    hide();
}

bool WelcomeCard::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parent() && event->type() == QEvent::Resize) place();
    return QFrame::eventFilter(watched, event);
}

void WelcomeCard::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) return dismiss();
    QFrame::keyPressEvent(event);
}

// The lower middle of the host, where the spiral's arrows are sparsest.
void WelcomeCard::place() {
    const QWidget* host = parentWidget();
    const int w = std::min(560, host->width() - 40);
    const int h = heightForWidth(w) > 0 ? heightForWidth(w) : sizeHint().height();
    setGeometry((host->width() - w) / 2, std::max(10, host->height() - h - 40), w, h);
}

} // namespace aelab
