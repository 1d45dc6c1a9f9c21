#pragma once
// Codes of test images in 2D, one colour per class, with a legend of class
// names: what the encoder keeps apart and what it merges.
#include <qcustomplot.h>

namespace aelab {

class LatentScatter : public QCustomPlot {
    Q_OBJECT
  public:
    explicit LatentScatter(QWidget* parent = nullptr);
    // classes[i] in [0, classNames.size()) or -1 (grey).
    void setPoints(const QVector<QPointF>& points, const QVector<int>& classes,
                   const QStringList& classNames, const QString& title);
    int pointCount() const;
    void setPresentation(bool on); // larger title, ticks and key

  private:
    QCPTextElement* title_;
};

} // namespace aelab
