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
    setAutoFillBackground(true);
    setStyleSheet("#presentationStrip { background:#eef1f6; border-bottom:1px solid #c8cdd6; }");
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(8, 4, 8, 4);
    labs_ = new QComboBox(this);
    labs_->setToolTip(tr("The lab in front"));
    connect(labs_, &QComboBox::activated, this, &PresentationStrip::labChosen);
    outer->addWidget(labs_);
    row_ = new QHBoxLayout;
    outer->addLayout(row_);
    outer->addStretch(1);
    charts_ = new QPushButton(tr("Charts (F7)"), this);
    panel_ = new QPushButton(tr("All controls (F8)"), this);
    for (QPushButton* b : {charts_, panel_}) {
        b->setCheckable(true);
        outer->addWidget(b);
    }
    charts_->setToolTip(tr("Show or fold the lab's charts"));
    panel_->setToolTip(tr("Show or fold the lab's full control panel"));
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
            row_->addWidget(twin);
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
            row_->addWidget(label);
            extras_ << label;
        }
        twin->setObjectName("strip-" + name);
        row_->addWidget(twin);
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
