#include "app/labkit/lab_frame.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace aelab {

namespace {
// Keeps the side panel as wide as its controls want when their fonts change
// (presentation mode enlarges them), at most 30% of the screen: the main
// picture keeps the rest, and the panel scrolls if it must. The screen, not
// the lab: a minimum width taken from the lab would hold the lab at its size.
class PanelWidthKeeper : public QObject {
  public:
    PanelWidthKeeper(QScrollArea* scroll, QWidget* lab)
        : QObject(scroll), scroll_(scroll), lab_(lab) {}
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::LayoutRequest || event->type() == QEvent::FontChange ||
            (watched == lab_ &&
             (event->type() == QEvent::Resize || event->type() == QEvent::ScreenChangeInternal)))
            fit();
        return QObject::eventFilter(watched, event);
    }
    void fit() {
        const int want = scroll_->widget()->sizeHint().width() + 24;
        const int screenWidth = lab_->screen() ? lab_->screen()->availableGeometry().width() : 1280;
        const int cap = std::max(260, screenWidth * 30 / 100);
        scroll_->setMinimumWidth(std::min(want, cap));
        scroll_->setMaximumWidth(std::max(want, cap));
    }

  private:
    QScrollArea* scroll_;
    QWidget* lab_;
};
} // namespace

void LabFrame::setChartShare(int picture, int charts) {
    column_->setStretchFactor(0, picture);
    column_->setStretchFactor(1, charts);
}

LabFrame::LabFrame(QWidget* lab, QLabel* banner, QWidget* picture, QWidget* charts,
                   QWidget* controls)
    : QObject(lab), lab_(lab), picture_(picture), charts_(charts), controls_(controls) {
    column_ = new QSplitter(Qt::Vertical, lab);
    column_->addWidget(picture);
    column_->addWidget(charts);
    column_->setStretchFactor(0, 4);
    column_->setStretchFactor(1, 1);
    column_->setChildrenCollapsible(false);
    panel_ = new QScrollArea(lab);
    panel_->setWidget(controls);
    panel_->setWidgetResizable(true);
    auto* keeper = new PanelWidthKeeper(panel_, lab);
    controls->installEventFilter(keeper);
    lab->installEventFilter(keeper);
    keeper->fit();
    panel_->setFrameShape(QFrame::NoFrame);
    auto* leftBox = new QWidget(lab);
    auto* leftLayout = new QVBoxLayout(leftBox);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(banner);
    leftLayout->addWidget(column_, 1);
    auto* layout = new QHBoxLayout(lab);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(leftBox, 1);
    layout->addWidget(panel_);
    lab->installEventFilter(this);
}

bool LabFrame::eventFilter(QObject* watched, QEvent* event) {
    if (watched == lab_ && event->type() == QEvent::Resize) apply();
    return QObject::eventFilter(watched, event);
}

void LabFrame::setPresentation(bool on) {
    presenting_ = on;
    // A projector starts with the picture alone; each part comes back on demand.
    panelChoice_ = chartsChoice_ = Choice::Auto;
    apply();
}

void LabFrame::setPanelShown(bool on) {
    panelChoice_ = on ? Choice::Shown : Choice::Folded;
    apply();
}

void LabFrame::setChartsShown(bool on) {
    chartsChoice_ = on ? Choice::Shown : Choice::Folded;
    apply();
}

void LabFrame::apply() {
    const bool roomForCharts = lab_->height() >= kChartsNeedHeight;
    panelShown_ = panelChoice_ == Choice::Auto ? !presenting_ : panelChoice_ == Choice::Shown;
    chartsShown_ = chartsChoice_ == Choice::Auto ? !presenting_ && roomForCharts
                                                 : chartsChoice_ == Choice::Shown;
    if (panel_->isVisibleTo(lab_) == panelShown_ && charts_->isVisibleTo(lab_) == chartsShown_)
        return;
    panel_->setVisible(panelShown_);
    charts_->setVisible(chartsShown_);
    emit foldingChanged();
}

} // namespace aelab
