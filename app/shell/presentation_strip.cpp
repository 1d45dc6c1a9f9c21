#include "app/shell/presentation_strip.h"
#include "app/labkit/control_twin.h"
#include "app/labkit/lab_frame.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace aelab {

PresentationStrip::PresentationStrip(QWidget* parent) : QWidget(parent) {
    setObjectName("presentationStrip");
    // A palette, not a style sheet: a style sheet would stop the presentation
    // font from reaching the strip's buttons and boxes.
    setAutoFillBackground(true);
    QPalette tint = palette();
    tint.setColor(QPalette::Window, QColor(0xee, 0xf1, 0xf6));
    setPalette(tint);
    // Two rows, so large type fits a 1280-pixel projector: the lab and its
    // transport above, the lesson's controls below.
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(8, 4, 8, 4);
    rows->setSpacing(4);
    auto* top = new QHBoxLayout;
    rows->addLayout(top);
    labs_ = new QComboBox(this);
    labs_->setToolTip(tr("The lab in front"));
    connect(labs_, &QComboBox::activated, this, &PresentationStrip::labChosen);
    top->addWidget(labs_);
    transport_ = new QHBoxLayout;
    top->addLayout(transport_);
    top->addStretch(1);
    charts_ = new QPushButton(tr("Charts"), this);
    panel_ = new QPushButton(tr("Controls"), this);
    for (QPushButton* b : {charts_, panel_}) {
        b->setCheckable(true);
        top->addWidget(b);
    }
    charts_->setToolTip(tr("Show or fold the lab's charts (F7)"));
    panel_->setToolTip(tr("Show or fold the lab's full control panel (F8)"));
    row_ = new QHBoxLayout;
    rows->addLayout(row_);
    row_->addStretch(1);
    connect(charts_, &QPushButton::clicked, this, [this](bool on) {
        if (frame_) frame_->setChartsShown(on);
    });
    connect(panel_, &QPushButton::clicked, this, [this](bool on) {
        if (frame_) frame_->setPanelShown(on);
    });
}

void PresentationStrip::setLabNames(const QStringList& names) {
    labs_->clear();
    labs_->addItems(names);
}

void PresentationStrip::clearTwins() {
    for (QWidget* w : twins_ + extras_)
        delete w;
    twins_.clear();
    extras_.clear();
    names_.clear();
}

void PresentationStrip::showLab(int index, LabFrame* frame, const QStringList& controls) {
    clearTwins();
    if (frame_) disconnect(frame_, nullptr, this, nullptr);
    frame_ = frame;
    labs_->setCurrentIndex(index);
    if (!frame) return;
    connect(frame, &LabFrame::foldingChanged, this, &PresentationStrip::syncToggles);
    for (QAbstractButton* button : frame->transport())
        if (QWidget* twin = makeTwin(button, this)) {
            transport_->addWidget(twin);
            twins_ << twin;
        }
    for (const QString& name : controls) {
        auto* original = frame->controls()->findChild<QWidget*>(name);
        if (!original) continue;
        QWidget* twin = makeTwin(original, this);
        if (!twin) continue;
        if (const QString title = twinTitle(original); !title.isEmpty()) {
            auto* label = new QLabel(title, this);
            label->setContentsMargins(12, 0, 0, 0);
            row_->insertWidget(row_->count() - 1, label);
            extras_ << label;
        }
        twin->setObjectName("strip-" + name);
        row_->insertWidget(row_->count() - 1, twin);
        twins_ << twin;
        names_ << name;
    }
    syncToggles();
}

void PresentationStrip::syncToggles() {
    charts_->setChecked(frame_ && frame_->chartsShown());
    panel_->setChecked(frame_ && frame_->panelShown());
}

} // namespace aelab
